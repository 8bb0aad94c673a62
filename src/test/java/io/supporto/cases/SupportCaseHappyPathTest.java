package io.supporto.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Date;

import io.supporto.notify.NotificationType;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.ProcessScenario;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** A severity A case from opening to FINAL, with the clock under the test's control. */
class SupportCaseHappyPathTest extends ProcessScenario {

    @Test
    void criticalCaseGoesFromOpeningThroughResolutionToFinal() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser admin = fixtures.adminOf(org);

        CaseDetails opened = cases.open(Fixtures.request(org).critical().build(), admin);
        String n = opened.supportCase().caseNumber();
        ProcessInstance instance = instanceOf(n);

        assertThat(opened.supportCase().status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(opened.supportCase().severity()).isEqualTo(Severity.A);
        assertThat(opened.supportCase().firstResponseDueAt()).isEqualTo(MONDAY_10_00.plus(Duration.ofHours(1)));
        assertThat(instance).isWaitingAt("firstResponse")
                .hasPassed("assessSeverity", "determineResponseTarget", "engageSupport")
                .hasNotPassed("offerSelfService");

        setClock(MONDAY_10_00.plus(Duration.ofMinutes(20)));
        complete(task("firstResponse", instance), withVariables("responseMessage", "We are on it."));
        complete(task("workCase", instance), withVariables("action", "RESOLVE", "resolution", "Connector fixed."));

        SupportCase closed = view(n, admin);
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.firstRespondedAt()).isEqualTo(MONDAY_10_00.plus(Duration.ofMinutes(20)));
        assertThat(closed.slaBreached()).isFalse();
        assertThat(closed.reopenableUntil()).isEqualTo(closed.closedAt().plus(Duration.ofDays(14)));
        assertThat(instance).isWaitingAt("Gateway_ReopenWindow");
        assertThat(job("Timer_ReopenWindowEnded", instance).getDuedate()).isEqualTo(Date.from(closed.reopenableUntil()));

        execute(job("Timer_ReopenWindowEnded", instance));
        assertThat(view(n, admin).status()).isEqualTo(CaseStatus.FINAL);
        assertThat(instance).isWaitingAt("Timer_SurveyWindowEnded");
        execute(job("Timer_SurveyWindowEnded", instance));
        assertThat(instance).isEnded().hasPassed("caseFinal");
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED,
                NotificationType.FIRST_RESPONSE, NotificationType.CASE_CLOSED, NotificationType.CASE_FINAL);
    }
}
