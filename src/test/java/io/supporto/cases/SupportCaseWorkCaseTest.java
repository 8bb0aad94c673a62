package io.supporto.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Working the case after the first response: asking the admin for information (with reminders
 * and closure when nobody answers), reclassifying the severity, and resolving.
 */
class SupportCaseWorkCaseTest extends ProcessScenario {

    static final Instant RESPONDED_AT = MONDAY_10_00.plus(Duration.ofMinutes(30));

    SupportUser admin;
    String n;
    ProcessInstance instance;

    /** An ENTERPRISE severity A case that got its first response and is being worked. */
    @BeforeEach
    void openAndRespond() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        admin = fixtures.adminOf(org);
        n = open(admin, Fixtures.request(org).critical());
        instance = instanceOf(n);
        setClock(RESPONDED_AT);
        complete(task("firstResponse", instance), withVariables("responseMessage", "We are on it."));
        assertThat(instance).isWaitingAt("workCase");
    }

    @Test
    void questionToTheAdminWaitsForTheReplyAndTheReplyResumesWork() {
        Instant askedAt = RESPONDED_AT.plus(Duration.ofHours(1));
        setClock(askedAt);

        complete(task("workCase", instance), withVariables("action", "REQUEST_INFO",
                "question", "Which connector did you change yesterday?"));

        assertThat(view(n, admin).status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);
        assertThat(instance).isWaitingAt("awaitCustomerReply").hasPassed("requestInformation", "sendInformationRequest");
        assertThat(job("Timer_ReplyReminder", instance).getDuedate()).isEqualTo(Date.from(askedAt.plus(Duration.ofDays(3))));
        assertThat(job("Timer_NoReply", instance).getDuedate()).isEqualTo(Date.from(askedAt.plus(Duration.ofDays(14))));
        assertThat(notifier.sentFor(n)).endsWith(NotificationType.INFORMATION_REQUESTED);

        Instant repliedAt = askedAt.plus(Duration.ofHours(2));
        setClock(repliedAt);
        CaseDetails after = cases.reply(n, "The outbound connector to our smarthost.", admin);

        assertThat(after.supportCase().status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(instance).isWaitingAt("workCase").hasPassed("awaitCustomerReply", "resumeWork");
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("reply timers left").isZero();
        // the question lives in the conversation; the new "Work case" task starts without the last answers
        assertThat(instance).variables().doesNotContainKeys("question", "action");
        assertThat(cases.conversation(n, admin))
                .extracting(CaseMessage::kind, CaseMessage::body, CaseMessage::at)
                .endsWith(
                        tuple(MessageKind.QUESTION, "Which connector did you change yesterday?", askedAt),
                        tuple(MessageKind.CUSTOMER_REPLY, "The outbound connector to our smarthost.", repliedAt));
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED,
                NotificationType.FIRST_RESPONSE, NotificationType.INFORMATION_REQUESTED);
    }

    @Test
    void silentAdminIsRemindedEveryThreeDaysAndTheCaseClosesUnansweredAfterFourteen() {
        Instant askedAt = RESPONDED_AT.plus(Duration.ofHours(1));
        setClock(askedAt);
        complete(task("workCase", instance), withVariables("action", "REQUEST_INFO", "question", "Any logs?"));

        Instant firstReminder = askedAt.plus(Duration.ofDays(3));
        fire("Timer_ReplyReminder", instance, firstReminder);

        assertThat(view(n, admin).status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);
        assertThat(instance).isWaitingAt("awaitCustomerReply").hasPassed("sendReplyReminder", "replyReminderSent");
        assertThat(job("Timer_ReplyReminder", instance).getDuedate())
                .as("the next reminder")
                .isEqualTo(Date.from(askedAt.plus(Duration.ofDays(6))));
        assertThat(notifier.sentFor(n)).endsWith(NotificationType.INFORMATION_REQUESTED, NotificationType.REPLY_REMINDER);

        fire("Timer_ReplyReminder", instance, askedAt.plus(Duration.ofDays(6)));
        assertThat(instance).isWaitingAt("awaitCustomerReply");
        assertThat(notifier.sentFor(n)).endsWith(NotificationType.REPLY_REMINDER, NotificationType.REPLY_REMINDER);

        Instant giveUp = askedAt.plus(Duration.ofDays(14));
        fire("Timer_NoReply", instance, giveUp);

        CaseDetails closed = cases.view(n, admin);
        assertThat(closed.supportCase().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.supportCase().closureReason()).isEqualTo(ClosureReason.UNANSWERED);
        assertThat(closed.supportCase().closedAt()).isEqualTo(giveUp);
        assertThat(closed.supportCase().reopenableUntil()).isEqualTo(giveUp.plus(Duration.ofDays(14)));
        assertThat(closed.survey()).isEmpty();
        assertThat(instance).isWaitingAt("Gateway_ReopenWindow")
                .hasPassed("Timer_NoReply", "closeUnanswered", "sendClosureNotice")
                .hasNotPassed("resumeWork", "resolveCase");
        assertThat(jobs("Timer_ReplyReminder", instance)).as("reminders stop with the closure").isZero();
        assertThat(instance).variables().containsEntry("closureReason", "UNANSWERED");
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED,
                NotificationType.FIRST_RESPONSE, NotificationType.INFORMATION_REQUESTED,
                NotificationType.REPLY_REMINDER, NotificationType.REPLY_REMINDER, NotificationType.CASE_CLOSED);
    }

    @Test
    void reclassifiedCaseTakesTheTargetsOfItsNewSeverity() {
        complete(task("workCase", instance), withVariables("action", "RECLASSIFY", "severity", "C"));

        SupportCase c = view(n, admin);
        assertThat(c.severity()).isEqualTo(Severity.C);
        assertThat(c.availability()).isEqualTo("24x7");
        assertThat(c.responseTarget()).isNull();
        assertThat(c.internalTarget()).isEqualTo("PT24H");
        assertThat(c.status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(instance).isWaitingAt("workCase").hasPassed("redetermineResponseTarget", "recordReclassification");
        assertThat(instance).variables()
                .containsEntry("severity", "C")
                .containsEntry("responseTarget", null)
                .containsEntry("internalTarget", "PT24H");
        assertThat(cases.conversation(n, admin)).last()
                .satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(MessageKind.RECLASSIFICATION);
                    assertThat(m.body()).isEqualTo("Severity A → C");
                });
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED, NotificationType.FIRST_RESPONSE);
    }

    @Test
    void resolvedCaseIsClosedWithItsResolutionAndASurvey() {
        Instant resolvedAt = RESPONDED_AT.plus(Duration.ofHours(3));
        setClock(resolvedAt);

        complete(task("workCase", instance), withVariables("action", "RESOLVE",
                "resolution", "Removed the faulty transport rule."));

        CaseDetails closed = cases.view(n, admin);
        SupportCase c = closed.supportCase();
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.closureReason()).isEqualTo(ClosureReason.RESOLVED);
        assertThat(c.resolution()).isEqualTo("Removed the faulty transport rule.");
        assertThat(c.closedAt()).isEqualTo(resolvedAt);
        assertThat(c.reopenableUntil()).isEqualTo(resolvedAt.plus(Duration.ofDays(14)));
        assertThat(closed.survey()).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(Survey.Status.PENDING);
            assertThat(s.closureNo()).isEqualTo(1);
        });
        assertThat(instance).isWaitingAt("Gateway_ReopenWindow").hasPassed("resolveCase", "sendClosureNotice");
        assertThat(job("Timer_ReopenWindowEnded", instance).getDuedate()).isEqualTo(Date.from(c.reopenableUntil()));
        assertThat(instance).variables()
                .containsEntry("closureReason", "RESOLVED")
                .containsEntry("reopenableUntil", Date.from(c.reopenableUntil()));
        assertThat(cases.conversation(n, admin)).last()
                .satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(MessageKind.RESOLUTION);
                    assertThat(m.body()).isEqualTo("Removed the faulty transport rule.");
                });
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED,
                NotificationType.FIRST_RESPONSE, NotificationType.CASE_CLOSED);
    }

    @Test
    void extraInformationWhileSupportWorksIsKeptWithoutChangingTheFlow() {
        CaseDetails after = cases.reply(n, "It also affects shared mailboxes.", admin);

        assertThat(after.supportCase().status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(instance).isWaitingAt("workCase").hasNotPassed("resumeWork");
        assertThat(cases.conversation(n, admin)).last()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(MessageKind.CUSTOMER_REPLY));
    }
}
