package io.supporto.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;

import io.supporto.notify.NotificationType;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.ProcessScenario;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The satisfaction survey: answered once, while the case is closed or final; a score of 1 or 2
 * asks a support manager to review the case.
 */
class SupportCaseSurveyTest extends ProcessScenario {

    static final Instant RESOLVED_AT = MONDAY_10_00.plus(Duration.ofHours(2));

    SupportUser admin;
    String n;
    ProcessInstance instance;

    /** A severity A case, in engagement: the tests resolve it when they need it closed. */
    @BeforeEach
    void openAndRespond() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        admin = fixtures.adminOf(org);
        n = open(admin, Fixtures.request(org).critical());
        instance = instanceOf(n);
        setClock(MONDAY_10_00.plus(Duration.ofMinutes(20)));
        complete(task("firstResponse", instance), withVariables("responseMessage", "We are on it."));
    }

    @Test
    void goodScoreIsRecordedWithoutAReview() {
        resolve();
        Instant answeredAt = RESOLVED_AT.plus(Duration.ofDays(1));
        setClock(answeredAt);

        CaseDetails after = cases.answerSurvey(n, 5, "Quick and clear.", admin);

        assertThat(after.survey()).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(Survey.Status.ANSWERED);
            assertThat(s.rating()).isEqualTo(5);
            assertThat(s.comment()).isEqualTo("Quick and clear.");
            assertThat(s.answeredAt()).isEqualTo(answeredAt);
        });
        assertThat(after.supportCase().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(instance).isWaitingAt("Gateway_ReopenWindow")
                .hasPassed("surveyAnswerReceived", "surveyRecorded")
                .hasNotPassed("sendLowSurveyAlert", "reviewLowSurvey");
        assertThat(reviewTasks()).isZero();
        assertThat(instance).variables().containsEntry("surveyRating", 5);
        assertThat(notifier.sentFor(n)).doesNotContain(NotificationType.LOW_SURVEY).endsWith(NotificationType.CASE_CLOSED);
    }

    @Test
    void middlingScoreOfThreeNeedsNoReview() {
        resolve();

        cases.answerSurvey(n, 3, null, admin);

        assertThat(instance).isWaitingAt("Gateway_ReopenWindow").hasPassed("surveyRecorded");
        assertThat(reviewTasks()).isZero();
        assertThat(notifier.sentFor(n)).doesNotContain(NotificationType.LOW_SURVEY);
    }

    @ParameterizedTest(name = "rating {0}")
    @ValueSource(ints = {1, 2})
    void lowScoreAsksASupportManagerToReviewTheCase(int rating) {
        resolve();

        CaseDetails after = cases.answerSurvey(n, rating, "Nobody called me back.", admin);

        assertThat(after.survey()).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(Survey.Status.ANSWERED);
            assertThat(s.rating()).isEqualTo(rating);
        });
        assertThat(instance).isWaitingAt("Gateway_ReopenWindow", "reviewLowSurvey")
                .hasPassed("surveyAnswerReceived", "sendLowSurveyAlert");
        assertThat(instance).task("reviewLowSurvey").hasCandidateGroup("support-managers");
        assertThat(notifier.sentFor(n)).endsWith(NotificationType.CASE_CLOSED, NotificationType.LOW_SURVEY);

        complete(task("reviewLowSurvey", instance), withVariables("followUp", "Called the admin back."));

        assertThat(instance).isWaitingAt("Gateway_ReopenWindow").isNotWaitingAt("reviewLowSurvey")
                .hasPassed("lowSurveyReviewed");
        assertThat(instance).variables().containsEntry("followUp", "Called the admin back.");
    }

    @Test
    void surveyCanStillBeAnsweredOnceTheCaseIsFinal() {
        resolve();
        Instant windowEnd = RESOLVED_AT.plus(Duration.ofDays(14));
        fire("Timer_ReopenWindowEnded", instance, windowEnd);
        setClock(windowEnd.plus(Duration.ofDays(10)));

        CaseDetails after = cases.answerSurvey(n, 4, null, admin);

        assertThat(after.supportCase().status()).isEqualTo(CaseStatus.FINAL);
        assertThat(after.survey()).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(Survey.Status.ANSWERED);
            assertThat(s.rating()).isEqualTo(4);
        });
        assertThat(instance).isWaitingAt("Timer_SurveyWindowEnded").hasPassed("surveyRecorded");
        assertThat(notifier.sentFor(n)).endsWith(NotificationType.CASE_FINAL);
    }

    @Test
    void surveyIsAnsweredOnlyOnce() {
        resolve();
        cases.answerSurvey(n, 5, null, admin);

        assertThatThrownBy(() -> cases.answerSurvey(n, 1, "Changed my mind", admin))
                .isInstanceOf(CaseConflictException.class)
                .hasMessageContaining("already answered");

        assertThat(cases.view(n, admin).survey()).hasValueSatisfying(s -> assertThat(s.rating()).isEqualTo(5));
        assertThat(instance).isWaitingAt("Gateway_ReopenWindow").hasNotPassed("sendLowSurveyAlert");
        assertThat(reviewTasks()).isZero();
        assertThat(notifier.sentFor(n)).doesNotContain(NotificationType.LOW_SURVEY);
    }

    @Test
    void surveyCannotBeAnsweredWhileTheCaseIsWorked() {
        assertThatThrownBy(() -> cases.answerSurvey(n, 5, null, admin))
                .isInstanceOf(CaseConflictException.class)
                .hasMessageContaining("ENGAGED");

        assertThat(cases.view(n, admin).survey()).isEmpty();
        assertThat(instance).isWaitingAt("workCase").hasNotPassed("surveyAnswerReceived");
    }

    @Test
    void afterAReopenTheUnansweredSurveyIsWithdrawnAndTheNextClosureOffersANewOne() {
        resolve();
        setClock(RESOLVED_AT.plus(Duration.ofDays(2)));
        cases.reopen(n, "Back again.", admin);
        assertThat(cases.view(n, admin).survey())
                .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(Survey.Status.CANCELLED));
        assertThatThrownBy(() -> cases.answerSurvey(n, 5, null, admin)).isInstanceOf(CaseConflictException.class);

        complete(task("firstResponse", instance), withVariables("responseMessage", "Looking again."));
        complete(task("workCase", instance), withVariables("action", "RESOLVE", "resolution", "Fixed for good."));
        CaseDetails after = cases.answerSurvey(n, 2, "Took two attempts.", admin);

        assertThat(after.survey()).hasValueSatisfying(s -> {
            assertThat(s.closureNo()).isEqualTo(2);
            assertThat(s.status()).isEqualTo(Survey.Status.ANSWERED);
            assertThat(s.rating()).isEqualTo(2);
        });
        assertThat(instance).isWaitingAt("Gateway_ReopenWindow", "reviewLowSurvey");
        assertThat(notifier.sentFor(n)).endsWith(NotificationType.CASE_CLOSED, NotificationType.LOW_SURVEY);
    }

    @Test
    void surveyOfTheFirstClosureAnsweredBeforeAReopenStaysAndTheSecondClosureHasItsOwn() {
        resolve();
        cases.answerSurvey(n, 5, "Great.", admin);
        setClock(RESOLVED_AT.plus(Duration.ofDays(3)));
        cases.reopen(n, "Back again.", admin);
        assertThat(cases.view(n, admin).survey()).hasValueSatisfying(s -> {
            assertThat(s.closureNo()).isEqualTo(1);
            assertThat(s.status()).isEqualTo(Survey.Status.ANSWERED);
        });
        complete(task("firstResponse", instance), withVariables("responseMessage", "Looking again."));
        complete(task("workCase", instance), withVariables("action", "RESOLVE", "resolution", "Fixed for good."));

        CaseDetails after = cases.answerSurvey(n, 4, null, admin);

        assertThat(after.survey()).hasValueSatisfying(s -> {
            assertThat(s.closureNo()).isEqualTo(2);
            assertThat(s.status()).isEqualTo(Survey.Status.ANSWERED);
            assertThat(s.rating()).isEqualTo(4);
        });
        assertThat(instance).isWaitingAt("Gateway_ReopenWindow").hasNotPassed("reviewLowSurvey");
        assertThat(instance).variables().containsEntry("surveyRating", 4);
    }

    private void resolve() {
        setClock(RESOLVED_AT);
        complete(task("workCase", instance), withVariables("action", "RESOLVE", "resolution", "Connector fixed."));
        assertThat(cases.view(n, admin).survey())
                .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(Survey.Status.PENDING));
    }

    private long reviewTasks() {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("reviewLowSurvey").count();
    }
}
