package io.supporto.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
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
 * The end of a case: 14 days after its closure it becomes FINAL, and 30 days later, when the
 * survey can no longer be answered, its process instance ends.
 */
class SupportCaseClosingTest extends ProcessScenario {

    static final Duration REOPEN_WINDOW = Duration.ofDays(14);
    static final Duration SURVEY_WINDOW_AFTER_FINAL = Duration.ofDays(30);

    SupportUser admin;
    Organization org;

    @BeforeEach
    void setUp() {
        org = fixtures.organization(Plan.ENTERPRISE, false);
        admin = fixtures.adminOf(org);
    }

    @Test
    void resolvedCaseBecomesFinalAndItsProcessEndsWhenTheSurveyWindowCloses() {
        String n = open(admin, Fixtures.request(org).critical());
        ProcessInstance instance = instanceOf(n);
        complete(task("firstResponse", instance), withVariables("responseMessage", "On it."));
        complete(task("workCase", instance), withVariables("action", "RESOLVE", "resolution", "Fixed."));
        Instant reopenableUntil = view(n, admin).reopenableUntil();
        assertThat(reopenableUntil).isEqualTo(MONDAY_10_00.plus(REOPEN_WINDOW));

        fire("Timer_ReopenWindowEnded", instance, reopenableUntil);

        SupportCase finalCase = view(n, admin);
        assertThat(finalCase.status()).isEqualTo(CaseStatus.FINAL);
        assertThat(finalCase.finalAt()).isEqualTo(reopenableUntil);
        assertThat(instance).isWaitingAt("Timer_SurveyWindowEnded").hasPassed("finalizeCase", "sendFinalNotice");
        assertThat(job("Timer_SurveyWindowEnded", instance).getDuedate())
                .isEqualTo(Date.from(reopenableUntil.plus(SURVEY_WINDOW_AFTER_FINAL)));
        assertThatThrownBy(() -> cases.reply(n, "One more thing", admin))
                .isInstanceOf(CaseConflictException.class)
                .hasMessageContaining("Open a new case that refers to " + n);

        fire("Timer_SurveyWindowEnded", instance, reopenableUntil.plus(SURVEY_WINDOW_AFTER_FINAL));

        assertThat(instance).isEnded()
                .hasPassed("Timer_SurveyWindowEnded", "caseFinal")
                .hasNotPassed("reopenRequested", "surveyAnswerReceived");
        CaseDetails ended = cases.view(n, admin);
        assertThat(ended.supportCase().status()).isEqualTo(CaseStatus.FINAL);
        assertThat(ended.survey()).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(Survey.Status.PENDING));
        assertThatThrownBy(() -> cases.answerSurvey(n, 5, null, admin))
                .isInstanceOf(CaseConflictException.class)
                .hasMessageContaining("30 days after the case became final");
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED,
                NotificationType.FIRST_RESPONSE, NotificationType.CASE_CLOSED, NotificationType.CASE_FINAL);
    }

    @Test
    void caseSolvedBySelfServiceEndsTheSameWay() {
        String n = open(admin, Fixtures.request(org).high());
        ProcessInstance instance = instanceOf(n);
        cases.recordSelfServiceOutcome(n, SelfServiceOutcome.SOLVED, admin);

        fire("Timer_ReopenWindowEnded", instance, MONDAY_10_00.plus(REOPEN_WINDOW));
        fire("Timer_SurveyWindowEnded", instance, MONDAY_10_00.plus(REOPEN_WINDOW).plus(SURVEY_WINDOW_AFTER_FINAL));

        assertThat(instance).isEnded()
                .hasPassed("closeSolvedBySelfService", "finalizeCase", "caseFinal")
                .hasNotPassed("engageSupport");
        assertThat(view(n, admin).status()).isEqualTo(CaseStatus.FINAL);
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED,
                NotificationType.SELF_SERVICE_SUGGESTIONS, NotificationType.CASE_CLOSED, NotificationType.CASE_FINAL);
    }

    @Test
    void caseClosedAsUnansweredEndsTheSameWay() {
        String n = open(admin, Fixtures.request(org).high());
        ProcessInstance instance = instanceOf(n);
        fire("Timer_SelfServiceExpired", instance, MONDAY_10_00.plus(Duration.ofDays(7)));

        Instant closedAt = MONDAY_10_00.plus(Duration.ofDays(7));
        fire("Timer_ReopenWindowEnded", instance, closedAt.plus(REOPEN_WINDOW));
        fire("Timer_SurveyWindowEnded", instance, closedAt.plus(REOPEN_WINDOW).plus(SURVEY_WINDOW_AFTER_FINAL));

        assertThat(instance).isEnded().hasPassed("closeUnanswered", "finalizeCase", "caseFinal");
        SupportCase c = view(n, admin);
        assertThat(c.status()).isEqualTo(CaseStatus.FINAL);
        assertThat(c.closureReason()).isEqualTo(ClosureReason.UNANSWERED);
    }

    @Test
    void openLowScoreReviewKeepsTheInstanceAliveUntilAManagerCompletesIt() {
        String n = open(admin, Fixtures.request(org).critical());
        ProcessInstance instance = instanceOf(n);
        complete(task("firstResponse", instance), withVariables("responseMessage", "On it."));
        complete(task("workCase", instance), withVariables("action", "RESOLVE", "resolution", "Fixed."));
        cases.answerSurvey(n, 1, "Bad.", admin);

        fire("Timer_ReopenWindowEnded", instance, MONDAY_10_00.plus(REOPEN_WINDOW));
        fire("Timer_SurveyWindowEnded", instance, MONDAY_10_00.plus(REOPEN_WINDOW).plus(SURVEY_WINDOW_AFTER_FINAL));

        assertThat(instance).isNotEnded().hasPassed("caseFinal")
                .isWaitingAt("reviewLowSurvey").isNotWaitingAt("Timer_SurveyWindowEnded");

        complete(task("reviewLowSurvey", instance), withVariables("followUp", "Discussed with the team."));

        assertThat(instance).isEnded().hasPassed("lowSurveyReviewed");
    }
}
