package io.supporto.engine;

import static io.supporto.notify.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import io.supporto.cases.SupportCaseService;
import io.supporto.cases.tasks.PrepareTask;
import io.supporto.notify.CaseMailbox;
import io.supporto.notify.CaseSteps;
import io.supporto.notify.MailOutbox;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine keeps the history level "supporto": a case's path, tasks, variables and decisions,
 * and the job log of its timers, but no variable details, no copies of the case record made for
 * task forms, and nothing of mail deliveries but their troubles. Triage's inputs are never stored.
 */
@SupportoTest
class SupportoHistoryLevelTest {

    /** Read only by triage, within the request that opens the case: passed as transient variables. */
    private static final String[] TRIAGE_INPUTS = {"serviceUsable", "scope", "businessImpact", "workaroundAvailable",
            "requestedSeverity", "selfServiceTried", "outOfScopeReason"};

    @Autowired ProcessEngine engine;
    @Autowired SupportCaseService cases;
    @Autowired Fixtures fixtures;
    @Autowired GreenMail testSmtpServer;
    @Autowired MailOutbox outbox;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void keepsWhatAnAuditorReadsAndDropsTheBookkeeping() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo(SupportoHistoryLevel.NAME);
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory())
                .as("decision tables use the parse-once FEEL engine").isInstanceOf(ParsingOnceFeelEngine.Factory.class);

        at(Instant.parse("2026-03-02T09:00:00Z"));
        Organization org = fixtures.organization(Plan.ENTERPRISE, false, "IT", "Europe/Rome", "en");
        CaseSteps steps = new CaseSteps(engine, cases);
        CaseMailbox mailbox = new CaseMailbox(testSmtpServer, engine, outbox);
        String n = steps.open(fixtures.adminOf(org), Fixtures.request(org).critical());
        Task firstResponse = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(n).singleResult();
        Map<String, Object> summary = engine.getTaskService().getVariablesLocal(firstResponse.getId());
        assertThat(summary).as("the task's summary for its form, at runtime").containsEntry("contactName", "Anna Rossi")
                .containsKeys("organizationName", "description", "contactEmail", "contactPhone", "dueAt", "conversation");
        assertThat(PrepareTask.SUMMARY).as("every summary variable PrepareTask sets is one the history level leaves out")
                .containsAll(summary.keySet());
        assertThat(engine.getRuntimeService().getVariables(firstResponse.getProcessInstanceId()))
                .as("triage's inputs are gone once triage is done").containsEntry("severity", "A")
                .doesNotContainKeys(TRIAGE_INPUTS);
        steps.respond(n, "Looking into it.");
        assertThat(mailbox.deliver(n)).as("mails delivered").isGreaterThanOrEqualTo(2);
        assertThat(mailbox.deliveries(n)).isEmpty();

        HistoryService history = engine.getHistoryService();
        String caseInstance = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(SupportCaseService.PROCESS_KEY).processInstanceBusinessKey(n).singleResult().getId();
        // kept: the case's path, its tasks, variables and triage decisions
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(caseInstance)
                .activityId("firstResponse").finished().count()).isEqualTo(1);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(caseInstance)
                .taskDefinitionKey("firstResponse").finished().count()).isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseInstance)
                .variableName("severity").singleResult().getValue()).isEqualTo("A");
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(caseInstance)
                .decisionDefinitionKey("severity").count()).isEqualTo(1);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(caseInstance).creationLog().count())
                .as("job log of the case's timers").isGreaterThanOrEqualTo(2);
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(caseInstance)
                .decisionDefinitionKey("severity").includeInputs().singleResult().getInputs())
                .as("the triage inputs, in the decision's history").extracting(HistoricDecisionInputInstance::getValue)
                .contains("CRITICAL", "ORGANIZATION", false);
        // dropped: the task summary's copies of the case record; the triage inputs were never stored
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseInstance)
                .variableNameIn(PrepareTask.SUMMARY.toArray(String[]::new)).list())
                .as("task-local summary copies in history (the case's own title is a process variable)")
                .filteredOn(variable -> variable.getTaskId() != null).isEmpty();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseInstance)
                .variableNameIn(TRIAGE_INPUTS).count()).isZero();
        // dropped: variable details, deliveries' own history (their jobs included)
        assertThat(history.createHistoricDetailQuery().count()).isZero();
        // (failed deliveries of other tests' SMTP outages are kept: troubles stay)
        assertThat(history.createHistoricJobLogQuery().processDefinitionKey("notification-delivery").creationLog().count())
                .isZero();
        assertThat(history.createHistoricJobLogQuery().processDefinitionKey("notification-delivery").successLog().count())
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("notification-delivery").count())
                .isZero();
        assertThat(history.createHistoricActivityInstanceQuery().activityId("deliverEmail").count()).isZero();
    }
}
