package io.supporto.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

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
 * Self-service first: the admin tries the resources and tells us SOLVED or NEED_HELP, or says
 * nothing for 7 days. Severity A cases and admins who already tried go straight to engagement.
 */
class SupportCaseSelfServiceTest extends ProcessScenario {

    static final Duration SELF_SERVICE_WINDOW = Duration.ofDays(7);

    Organization org;
    SupportUser admin;

    @BeforeEach
    void setUp() {
        // ENTERPRISE B: 24x7, next day; a self-service candidate whose due dates do not depend on a calendar
        org = fixtures.organization(Plan.ENTERPRISE, false);
        admin = fixtures.adminOf(org);
    }

    @Test
    void severityACaseSkipsSelfService() {
        String n = open(admin, Fixtures.request(org).critical());

        SupportCase c = view(n, admin);
        assertThat(c.status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(c.engagedAt()).isEqualTo(MONDAY_10_00);
        ProcessInstance instance = instanceOf(n);
        assertThat(instance).isWaitingAt("firstResponse")
                .hasPassed("engageSupport")
                .hasNotPassed("offerSelfService", "sendSelfServiceSuggestions", "awaitSelfServiceOutcome");
        assertThat(jobs("Timer_SelfServiceExpired", instance)).isZero();
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED);
    }

    @Test
    void adminWhoAlreadyTriedSelfServiceIsEngagedAtOnce() {
        String n = open(admin, Fixtures.request(org).high().selfServiceTried());

        SupportCase c = view(n, admin);
        assertThat(c.severity()).isEqualTo(Severity.B);
        assertThat(c.status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(c.engagedAt()).isEqualTo(MONDAY_10_00);
        assertThat(c.firstResponseDueAt()).isEqualTo(MONDAY_10_00.plus(Duration.ofHours(24)));
        assertThat(instanceOf(n)).isWaitingAt("firstResponse")
                .hasNotPassed("offerSelfService", "awaitSelfServiceOutcome");
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED);
    }

    @Test
    void otherCasesAreOfferedSelfServiceForSevenDays() {
        String n = open(admin, Fixtures.request(org).high());

        SupportCase c = view(n, admin);
        assertThat(c.status()).isEqualTo(CaseStatus.SELF_SERVICE);
        assertThat(c.engagedAt()).isNull();
        assertThat(c.clockStartedAt()).isNull();
        assertThat(c.firstResponseDueAt()).isNull();
        ProcessInstance instance = instanceOf(n);
        assertThat(instance).isWaitingAt("awaitSelfServiceOutcome")
                .hasPassed("offerSelfService", "sendSelfServiceSuggestions")
                .hasNotPassed("engageSupport");
        assertThat(job("Timer_SelfServiceExpired", instance).getDuedate())
                .isEqualTo(Date.from(MONDAY_10_00.plus(SELF_SERVICE_WINDOW)));
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(notifier.sentFor(n))
                .containsExactly(NotificationType.CASE_RECEIVED, NotificationType.SELF_SERVICE_SUGGESTIONS);
    }

    @Test
    void solvedBySelfServiceClosesTheCaseWithASurveyAndAReopenWindow() {
        String n = open(admin, Fixtures.request(org).high());
        ProcessInstance instance = instanceOf(n);
        Instant solvedAt = MONDAY_10_00.plus(Duration.ofDays(2));
        setClock(solvedAt);

        CaseDetails after = cases.recordSelfServiceOutcome(n, SelfServiceOutcome.SOLVED, admin);

        SupportCase c = after.supportCase();
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.closureReason()).isEqualTo(ClosureReason.SOLVED_BY_SELF_SERVICE);
        assertThat(c.resolution()).isNotBlank();
        assertThat(c.closedAt()).isEqualTo(solvedAt);
        assertThat(c.reopenableUntil()).isEqualTo(solvedAt.plus(Duration.ofDays(14)));
        assertThat(c.engagedAt()).isNull();
        assertThat(after.survey()).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(Survey.Status.PENDING);
            assertThat(s.closureNo()).isEqualTo(1);
            assertThat(s.offeredAt()).isEqualTo(solvedAt);
        });
        assertThat(instance).isWaitingAt("Gateway_ReopenWindow")
                .hasPassed("awaitSelfServiceOutcome", "closeSolvedBySelfService", "sendClosureNotice")
                .hasNotPassed("engageSupport", "Timer_SelfServiceExpired");
        assertThat(instance).variables()
                .containsEntry("selfServiceOutcome", "SOLVED")
                .containsEntry("closureReason", "SOLVED_BY_SELF_SERVICE")
                .containsEntry("reopenableUntil", Date.from(c.reopenableUntil()));
        assertThat(job("Timer_ReopenWindowEnded", instance).getDuedate()).isEqualTo(Date.from(c.reopenableUntil()));
        assertThat(jobs("Timer_SelfServiceExpired", instance)).isZero();
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED,
                NotificationType.SELF_SERVICE_SUGGESTIONS, NotificationType.CASE_CLOSED);
    }

    @Test
    void needHelpEngagesSupportAndStartsTheResponseClockAtThatMoment() {
        String n = open(admin, Fixtures.request(org).high());
        ProcessInstance instance = instanceOf(n);
        Instant askedForHelpAt = MONDAY_10_00.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(17));
        setClock(askedForHelpAt);

        CaseDetails after = cases.recordSelfServiceOutcome(n, SelfServiceOutcome.NEED_HELP, admin);

        SupportCase c = after.supportCase();
        assertThat(c.status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(c.openedAt()).isEqualTo(MONDAY_10_00);
        assertThat(c.engagedAt()).isEqualTo(askedForHelpAt);
        assertThat(c.clockStartedAt()).isEqualTo(askedForHelpAt);
        assertThat(c.firstResponseDueAt()).isEqualTo(askedForHelpAt.plus(Duration.ofHours(24)));
        assertThat(c.closedAt()).isNull();
        assertThat(after.survey()).isEmpty();
        assertThat(instance).isWaitingAt("firstResponse")
                .hasPassed("awaitSelfServiceOutcome", "engageSupport")
                .hasNotPassed("closeSolvedBySelfService", "Timer_SelfServiceExpired");
        assertThat(instance).task("firstResponse").hasCandidateGroup("support-engineers");
        assertThat(instance).variables()
                .containsEntry("selfServiceOutcome", "NEED_HELP")
                .containsEntry("clockStartedAt", Date.from(askedForHelpAt))
                .containsEntry("firstResponseDueAt", Date.from(c.firstResponseDueAt()));
        assertThat(job(SupportCaseModel.TIMER_RESPONSE_DUE, instance).getDuedate()).isEqualTo(Date.from(c.firstResponseDueAt()));
        assertThat(jobs("Timer_SelfServiceExpired", instance)).isZero();
        assertThat(notifier.sentFor(n))
                .containsExactly(NotificationType.CASE_RECEIVED, NotificationType.SELF_SERVICE_SUGGESTIONS);
    }

    @Test
    void silentAdminHasTheCaseClosedAsUnansweredAfterSevenDays() {
        String n = open(admin, Fixtures.request(org).high());
        ProcessInstance instance = instanceOf(n);
        Instant expiry = MONDAY_10_00.plus(SELF_SERVICE_WINDOW);
        assertThat(job("Timer_SelfServiceExpired", instance).getDuedate()).isEqualTo(Date.from(expiry));
        setClock(expiry);

        execute(job("Timer_SelfServiceExpired", instance));

        CaseDetails after = cases.view(n, admin);
        SupportCase c = after.supportCase();
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.closureReason()).isEqualTo(ClosureReason.UNANSWERED);
        assertThat(c.resolution()).isNull();
        assertThat(c.closedAt()).isEqualTo(expiry);
        assertThat(c.reopenableUntil()).isEqualTo(expiry.plus(Duration.ofDays(14)));
        assertThat(after.survey()).as("no survey for an unanswered case").isEmpty();
        assertThat(instance).isWaitingAt("Gateway_ReopenWindow")
                .hasPassed("Timer_SelfServiceExpired", "closeUnanswered", "sendClosureNotice")
                .hasNotPassed("closeSolvedBySelfService", "engageSupport");
        assertThat(instance).variables().containsEntry("closureReason", "UNANSWERED");
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED,
                NotificationType.SELF_SERVICE_SUGGESTIONS, NotificationType.CASE_CLOSED);

        // too late for an outcome now
        assertThatThrownBy(() -> cases.recordSelfServiceOutcome(n, SelfServiceOutcome.NEED_HELP, admin))
                .isInstanceOf(CaseConflictException.class);
        assertThatThrownBy(() -> cases.answerSurvey(n, 5, null, admin))
                .isInstanceOf(CaseConflictException.class)
                .hasMessageContaining("No survey");
        assertThat(instance).isWaitingAt("Gateway_ReopenWindow");
    }

    @Test
    void outcomeForACaseThatIsNotInSelfServiceIsAConflict() {
        String n = open(admin, Fixtures.request(org).critical());

        assertThatThrownBy(() -> cases.recordSelfServiceOutcome(n, SelfServiceOutcome.SOLVED, admin))
                .isInstanceOf(CaseConflictException.class)
                .hasMessageContaining("ENGAGED");
        assertThat(view(n, admin).status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(instanceOf(n)).isWaitingAt("firstResponse");
    }
}
