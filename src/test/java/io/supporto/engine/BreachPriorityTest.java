package io.supporto.engine;

import static io.supporto.notify.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.supporto.cases.SupportCaseModel;
import io.supporto.cases.SupportCaseService;
import io.supporto.notify.CaseSteps;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A due breach is taken before due warnings and mail deliveries: it has the higher job priority. */
@SupportoTest
class BreachPriorityTest {

    @Autowired ProcessEngine engine;
    @Autowired SupportCaseService cases;
    @Autowired Fixtures fixtures;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theBreachTimerOutranksTheWarningAndTheMails() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isJobExecutorAcquireByPriority()).isTrue();
        assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();

        at(Instant.parse("2026-03-02T09:00:00Z"));
        Organization org = fixtures.organization(Plan.ENTERPRISE, false, "IT", "Europe/Rome", "en");
        CaseSteps steps = new CaseSteps(engine, cases);
        String n = steps.open(fixtures.adminOf(org), Fixtures.request(org).critical());

        long breach = steps.timer(n, SupportCaseModel.TIMER_RESPONSE_DUE).getPriority();
        assertThat(breach).isEqualTo(100);
        assertThat(steps.timer(n, SupportCaseModel.TIMER_RESPONSE_WARNING).getPriority()).isLessThan(breach);
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey("notification-delivery").list())
                .isNotEmpty()
                .allSatisfy(job -> assertThat(job.getPriority()).isLessThan(breach));

        // its alert goes in a job of its own, as urgent as the breach
        steps.fire(n, SupportCaseModel.TIMER_RESPONSE_DUE);
        assertThat(steps.timer(n, "sendBreachAlert").getPriority()).isEqualTo(breach);
    }
}
