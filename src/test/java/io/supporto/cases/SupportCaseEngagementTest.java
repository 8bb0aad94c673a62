package io.supporto.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import io.supporto.notify.NotificationType;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.ProcessScenario;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The response clock while support owes the admin a first response: the breach timer of a
 * committed target, the internal follow-up of a case without commitment, and what a first
 * response in time does to both. Only 24x7 cases here, so the due dates are plain elapsed time.
 */
class SupportCaseEngagementTest extends ProcessScenario {

    @Test
    void severityACaseIsWatchedByABreachTimerOneHourAfterOpening() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser admin = fixtures.adminOf(org);

        String n = open(admin, Fixtures.request(org).critical());

        SupportCase c = view(n, admin);
        assertThat(c.clockStartedAt()).isEqualTo(MONDAY_10_00);
        assertThat(c.firstResponseDueAt()).isEqualTo(MONDAY_10_00.plus(Duration.ofHours(1)));
        assertThat(c.internalFollowUpAt()).isNull();
        assertThat(c.slaBreached()).isFalse();
        ProcessInstance instance = instanceOf(n);
        assertThat(instance).isWaitingAt("firstResponse");
        assertThat(job(SupportCaseModel.TIMER_RESPONSE_DUE, instance).getDuedate()).isEqualTo(Date.from(c.firstResponseDueAt()));
        assertThat(job(SupportCaseModel.TIMER_RESPONSE_WARNING, instance).getDuedate())
                .isEqualTo(Date.from(MONDAY_10_00.plus(Duration.ofMinutes(45))));
        assertThat(instance).task("firstResponse")
                .hasCandidateGroup("support-engineers")
                .hasDueDate(Date.from(c.firstResponseDueAt()));
        assertThat(instance).variables()
                .containsEntry("clockStartedAt", Date.from(MONDAY_10_00))
                .containsEntry("firstResponseDueAt", Date.from(c.firstResponseDueAt()))
                .containsEntry("internalFollowUpAt", null)
                .containsEntry("slaBreached", false);
    }

    @Test
    void elevatedSeverityBCaseHasTwoHoursAroundTheClock() {
        Organization org = fixtures.organization(Plan.BUSINESS_PREMIUM, true);
        SupportUser admin = fixtures.adminOf(org);

        String n = open(admin, Fixtures.request(org).high().selfServiceTried());

        SupportCase c = view(n, admin);
        assertThat(c.severity()).isEqualTo(Severity.B);
        assertThat(c.firstResponseDueAt()).isEqualTo(MONDAY_10_00.plus(Duration.ofHours(2)));
        ProcessInstance instance = instanceOf(n);
        assertThat(instance).isWaitingAt("firstResponse");
        assertThat(job(SupportCaseModel.TIMER_RESPONSE_DUE, instance).getDuedate()).isEqualTo(Date.from(c.firstResponseDueAt()));
    }

    @Test
    void missedResponseTargetIsABreachThatManagersHandleWhileTheTeamStillResponds() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = open(admin, Fixtures.request(org).critical());
        ProcessInstance instance = instanceOf(n);
        Instant due = view(n, admin).firstResponseDueAt();

        setClock(due.plusSeconds(1));
        execute(job(SupportCaseModel.TIMER_RESPONSE_DUE, instance));
        assertThat(view(n, admin).slaBreached()).as("recorded before the alert goes").isTrue();
        execute(job("sendBreachAlert", instance));

        SupportCase breached = view(n, admin);
        assertThat(breached.slaBreached()).isTrue();
        assertThat(breached.status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(breached.firstRespondedAt()).isNull();
        assertThat(instance).isWaitingAt("firstResponse", "handleBreach")
                .hasPassed(SupportCaseModel.TIMER_RESPONSE_DUE, "Gateway_ContractualTarget", "markSlaBreached", "sendBreachAlert")
                .hasNotPassed("remindTeam");
        assertThat(instance).task("handleBreach").hasCandidateGroup("support-managers");
        assertThat(instance).variables().containsEntry("slaBreached", true);
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED, NotificationType.BREACH_ALERT);

        // the team answers late; the case moves on, the managers' task stays until they act
        Instant respondedAt = due.plus(Duration.ofMinutes(30));
        setClock(respondedAt);
        complete(task("firstResponse", instance), withVariables("responseMessage", "Sorry for the wait, on it."));

        SupportCase responded = view(n, admin);
        assertThat(responded.firstRespondedAt()).isEqualTo(respondedAt);
        assertThat(responded.slaBreached()).isTrue();
        assertThat(instance).isWaitingAt("workCase", "handleBreach")
                .hasPassed("recordFirstResponse", "sendFirstResponse");

        complete(task("handleBreach", instance), withVariables("actionTaken", "Called the customer, apologised."));

        assertThat(instance).isWaitingAt("workCase").isNotWaitingAt("handleBreach").hasPassed("breachHandled");
        assertThat(instance).variables()
                .containsEntry("slaBreached", true)
                .containsEntry("actionTaken", "Called the customer, apologised.");
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED,
                NotificationType.BREACH_ALERT, NotificationType.FIRST_RESPONSE);
    }

    @Test
    void caseWithoutCommitmentOnlyRemindsTheTeamAndIsNeverInBreach() {
        // ENTERPRISE severity C: 24x7, no contractual target, internal follow-up after 24 hours
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = open(admin, Fixtures.request(org).minor().selfServiceTried());
        ProcessInstance instance = instanceOf(n);

        SupportCase c = view(n, admin);
        assertThat(c.severity()).isEqualTo(Severity.C);
        assertThat(c.responseTarget()).isNull();
        assertThat(c.internalTarget()).isEqualTo("PT24H");
        assertThat(c.firstResponseDueAt()).isNull();
        assertThat(c.internalFollowUpAt()).isEqualTo(MONDAY_10_00.plus(Duration.ofHours(24)));
        assertThat(instance).isWaitingAt("firstResponse");
        assertThat(job(SupportCaseModel.TIMER_RESPONSE_DUE, instance).getDuedate()).isEqualTo(Date.from(c.internalFollowUpAt()));
        // no warning without a commitment: its timer passes silently at the follow-up
        assertThat(job(SupportCaseModel.TIMER_RESPONSE_WARNING, instance).getDuedate())
                .isEqualTo(Date.from(c.internalFollowUpAt()));
        assertThat(job(SupportCaseModel.TIMER_RESPONSE_DUE, instance).getPriority()).as("not a breach").isZero();
        assertThat(instance).task("firstResponse").hasDueDate(Date.from(c.internalFollowUpAt()));

        setClock(c.internalFollowUpAt());
        execute(job(SupportCaseModel.TIMER_RESPONSE_WARNING, instance));
        execute(job(SupportCaseModel.TIMER_RESPONSE_DUE, instance));

        SupportCase reminded = view(n, admin);
        assertThat(reminded.slaBreached()).isFalse();
        assertThat(reminded.status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(reminded.firstRespondedAt()).isNull();
        assertThat(instance).isWaitingAt("firstResponse")
                .isNotWaitingAt("handleBreach")
                .hasPassed("noWarning", "remindTeam", "teamReminded")
                .hasNotPassed("warnTeam", "markSlaBreached", "sendBreachAlert");
        assertThat(instance).variables().containsEntry("slaBreached", false);
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("jobs left").isZero();
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED, NotificationType.TEAM_REMINDER);
    }

    @Test
    void firstResponseInTimeStopsTheClockAndRemovesTheBreachTimer() {
        Organization org = fixtures.organization(Plan.GOVERNMENT, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = open(admin, Fixtures.request(org).critical());
        ProcessInstance instance = instanceOf(n);
        Instant respondedAt = MONDAY_10_00.plus(Duration.ofMinutes(42));
        setClock(respondedAt);

        complete(task("firstResponse", instance), withVariables("responseMessage", "Looking at your mail flow now."));

        SupportCase c = view(n, admin);
        assertThat(c.firstRespondedAt()).isEqualTo(respondedAt);
        assertThat(c.slaBreached()).isFalse();
        assertThat(c.status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(instance).isWaitingAt("workCase")
                .hasPassed("recordFirstResponse", "sendFirstResponse")
                .hasNotPassed("markSlaBreached", "handleBreach");
        assertThat(instance).task("workCase").hasCandidateGroup("support-engineers");
        assertThat(jobs(SupportCaseModel.TIMER_RESPONSE_DUE, instance)).isZero();
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("timer jobs left").isZero();
        assertThat(instance).variables()
                .containsEntry("slaBreached", false)
                .containsEntry("responseMessage", "Looking at your mail flow now.");
        assertThat(cases.conversation(n, admin)).extracting(CaseMessage::kind, CaseMessage::body)
                .containsExactly(
                        tuple(MessageKind.DESCRIPTION, "Since 9:00 no one receives external mail"),
                        tuple(MessageKind.FIRST_RESPONSE, "Looking at your mail flow now."));
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED, NotificationType.FIRST_RESPONSE);
    }

    @Test
    void firstResponseInTimeAlsoRemovesTheInternalFollowUp() {
        Organization org = fixtures.organization(Plan.EDUCATION, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = open(admin, Fixtures.request(org).minor().selfServiceTried());
        ProcessInstance instance = instanceOf(n);
        setClock(MONDAY_10_00.plus(Duration.ofHours(5)));

        complete(task("firstResponse", instance), withVariables("responseMessage", "Here is how to do it."));

        assertThat(instance).isWaitingAt("workCase").hasNotPassed("remindTeam");
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("timer jobs left").isZero();
        assertThat(view(n, admin).firstRespondedAt())
                .isEqualTo(MONDAY_10_00.plus(Duration.ofHours(5)));
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED, NotificationType.FIRST_RESPONSE);
    }
}
