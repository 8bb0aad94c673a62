package io.supporto.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.supporto.cases.CaseStatus;
import io.supporto.cases.Severity;
import io.supporto.cases.SupportCase;
import io.supporto.cases.SupportCaseModel;
import io.supporto.cases.tasks.PrepareTask;
import io.supporto.notify.NotificationType;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.ProcessScenario;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The response clock as a process owner sees it: warnings, breaches, reminders, reclassification
 * and reopen, with the engine's timers, the case view and the SLA timeline always agreeing.
 */
class SlaScenarioTest extends ProcessScenario {

    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** A Wednesday morning in Rome. */
    static final Instant WEDNESDAY_10 = at("2026-03-04T10:00");

    @Autowired SlaTimeline timeline;

    SupportUser manager;

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ROME).toInstant();
    }

    @Override
    protected Instant start() {
        return WEDNESDAY_10;
    }

    @BeforeEach
    void setUp() {
        manager = fixtures.user(Groups.SUPPORT_MANAGERS);
    }

    @Test
    void warningThenBreachThenFirstResponse() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        // Enterprise, severity B: 24/7, next day
        String n = open(admin, Fixtures.request(org).high().selfServiceTried());
        ProcessInstance instance = instanceOf(n);

        SupportCase opened = view(n);
        assertThat(opened.firstResponseDueAt()).isEqualTo(WEDNESDAY_10.plus(Duration.ofHours(24)));
        assertThat(opened.responseWarningAt()).isEqualTo(WEDNESDAY_10.plus(Duration.ofHours(18)));
        assertThat(opened.internalFollowUpAt()).isNull();
        assertTimersAgreeWithCase(n);

        setClock(opened.responseWarningAt());
        runTimer(instance, "Timer_ResponseWarning");
        assertThat(notifier.sentFor(n)).contains(NotificationType.TEAM_WARNING);
        assertThat(view(n).slaBreached()).isFalse();

        setClock(opened.firstResponseDueAt());
        runTimer(instance, SupportCaseModel.TIMER_RESPONSE_DUE);
        assertThat(view(n).slaBreached()).isTrue();
        // the alert goes in a transaction of its own, after the breach is recorded
        assertThat(notifier.sentFor(n)).doesNotContain(NotificationType.BREACH_ALERT);
        runJob(instance, "sendBreachAlert");
        assertThat(notifier.sentFor(n)).contains(NotificationType.BREACH_ALERT);
        assertThat(instance).isWaitingAt("firstResponse", "handleBreach");
        assertThat(task("handleBreach", instance)).hasCandidateGroup("support-managers");

        setClock(opened.firstResponseDueAt().plus(Duration.ofMinutes(10)));
        complete(task("firstResponse", instance), withVariables("responseMessage", "Sorry for the wait."));
        assertThat(instance).isWaitingAt("workCase", "handleBreach");
        assertThat(slaTimers(instance)).isEmpty();
        assertThat(kinds(n)).containsExactly(SlaEventKind.CLOCK_STARTED, SlaEventKind.WARNING_SENT,
                SlaEventKind.BREACHED, SlaEventKind.CLOCK_STOPPED);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), SlaTimeline.VARIABLE).toString())
                .contains("CLOCK_STARTED", "WARNING_SENT", "BREACHED", "CLOCK_STOPPED");
    }

    @Test
    void noCommitmentCaseIsRemindedAtItsFollowUpAndNeverWarned() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        // Enterprise, severity C: 24/7, no commitment, follow-up after 24 hours
        String n = open(admin, Fixtures.request(org).minor().selfServiceTried());
        ProcessInstance instance = instanceOf(n);

        SupportCase opened = view(n);
        assertThat(opened.firstResponseDueAt()).isNull();
        assertThat(opened.responseWarningAt()).isNull();
        assertThat(opened.internalFollowUpAt()).isEqualTo(WEDNESDAY_10.plus(Duration.ofHours(24)));
        assertTimersAgreeWithCase(n);

        setClock(opened.internalFollowUpAt());
        runTimer(instance, SupportCaseModel.TIMER_RESPONSE_WARNING);
        runTimer(instance, SupportCaseModel.TIMER_RESPONSE_DUE);
        assertThat(notifier.sentFor(n)).contains(NotificationType.TEAM_REMINDER)
                .doesNotContain(NotificationType.BREACH_ALERT, NotificationType.TEAM_WARNING);
        assertThat(instance).hasPassed("noWarning", "remindTeam").hasNotPassed("warnTeam", "markSlaBreached");
        assertThat(view(n).slaBreached()).isFalse();
        assertThat(instance).isWaitingAt("firstResponse");
        assertThat(kinds(n)).containsExactly(SlaEventKind.CLOCK_STARTED, SlaEventKind.REMINDER_SENT);
    }

    @Test
    void businessPlanReminderCountsBusinessHoursOnly() {
        Organization org = fixtures.organization(Plan.BUSINESS_PREMIUM, false);
        SupportUser admin = fixtures.adminOf(org);
        setClock(at("2026-03-06T16:30"));
        // Business family, severity B: business hours, no commitment, follow-up after 8 business hours
        String n = open(admin, Fixtures.request(org).high().selfServiceTried());

        assertThat(view(n).firstResponseDueAt()).isNull();
        assertThat(view(n).internalFollowUpAt()).isEqualTo(at("2026-03-09T16:30"));
        assertTimersAgreeWithCase(n);
        SlaEvent started = timeline.of(n).get(0);
        assertThat(started.calendar()).isEqualTo("business hours in Europe/Rome (holidays of IT)");
        assertThat(started.rule()).isEqualTo("Business plans, severity B: business hours, no commitment");
        assertThat(started.internalTarget()).isEqualTo("PT8H");
    }

    @Test
    void reclassifyingFromAToCMidWayDropsTheCommitmentButKeepsTheElapsedTime() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = open(admin, Fixtures.request(org).critical());
        ProcessInstance instance = instanceOf(n);
        assertTimersAgreeWithCase(n);

        setClock(WEDNESDAY_10.plus(Duration.ofMinutes(30)));
        cases.reclassify(n, Severity.C, "Only one mailbox is affected", manager);

        SupportCase reclassified = view(n);
        assertThat(reclassified.severity()).isEqualTo(Severity.C);
        assertThat(reclassified.responseTarget()).isNull();
        assertThat(reclassified.firstResponseDueAt()).isNull();
        // counted from the original clock start, not from the reclassification
        assertThat(reclassified.internalFollowUpAt()).isEqualTo(WEDNESDAY_10.plus(Duration.ofHours(24)));
        assertThat(instance).isWaitingAt("firstResponse");
        assertTimersAgreeWithCase(n);
        assertThat(kinds(n)).containsExactly(SlaEventKind.CLOCK_STARTED, SlaEventKind.DUE_DATES_RECOMPUTED);
    }

    @Test
    void reclassifyingFromCToAAfterTheNewTargetPassedBreachesAtOnce() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = open(admin, Fixtures.request(org).minor().selfServiceTried());
        ProcessInstance instance = instanceOf(n);

        setClock(WEDNESDAY_10.plus(Duration.ofHours(2)));
        cases.reclassify(n, Severity.A, "The whole sales team is affected", manager);

        SupportCase reclassified = view(n);
        assertThat(reclassified.responseTarget()).isEqualTo("PT1H");
        assertThat(reclassified.firstResponseDueAt()).isEqualTo(WEDNESDAY_10.plus(Duration.ofHours(1)));
        assertThat(reclassified.responseWarningAt()).isNull();
        Job breach = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(SupportCaseModel.TIMER_RESPONSE_DUE).singleResult();
        assertThat(breach.getDuedate()).isBeforeOrEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant()));
        assertThat(breach.getPriority()).as("a breach goes first in a burst").isEqualTo(100);

        runTimer(instance, SupportCaseModel.TIMER_RESPONSE_DUE);
        assertThat(view(n).slaBreached()).isTrue();
        runJob(instance, "sendBreachAlert");
        assertThat(instance).isWaitingAt("firstResponse", "handleBreach");
        assertThat(timeline.of(n).get(1).detail()).contains("already passed");
    }

    @Test
    void reclassifyingWithinTheTargetMovesTheTimers() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, true);
        SupportUser admin = fixtures.adminOf(org);
        // elevated support, severity C: 24/7, 4 hours
        String n = open(admin, Fixtures.request(org).minor().selfServiceTried());
        ProcessInstance instance = instanceOf(n);
        assertThat(view(n).firstResponseDueAt()).isEqualTo(WEDNESDAY_10.plus(Duration.ofHours(4)));

        setClock(WEDNESDAY_10.plus(Duration.ofMinutes(30)));
        cases.reclassify(n, Severity.B, null, manager);

        assertThat(view(n).firstResponseDueAt()).isEqualTo(WEDNESDAY_10.plus(Duration.ofHours(2)));
        assertThat(view(n).responseWarningAt()).isEqualTo(WEDNESDAY_10.plus(Duration.ofMinutes(90)));
        assertTimersAgreeWithCase(n);
        assertThat(instance).isWaitingAt("firstResponse");
    }

    @Test
    void aReopenStartsAFreshClock() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = open(admin, Fixtures.request(org).critical());
        ProcessInstance instance = instanceOf(n);
        complete(task("firstResponse", instance), withVariables("responseMessage", "Looking into it."));
        complete(task("workCase", instance), withVariables("action", "RESOLVE", "resolution", "Fixed."));

        Instant reopenedAt = WEDNESDAY_10.plus(Duration.ofDays(3));
        setClock(reopenedAt);
        cases.reopen(n, "It broke again", admin);

        SupportCase reopened = view(n);
        assertThat(reopened.status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.firstRespondedAt()).isNull();
        assertThat(reopened.firstResponseDueAt()).isEqualTo(reopenedAt.plus(Duration.ofHours(1)));
        assertTimersAgreeWithCase(n);
        List<SlaEvent> events = timeline.of(n);
        assertThat(events).extracting(SlaEvent::kind).containsExactly(SlaEventKind.CLOCK_STARTED,
                SlaEventKind.CLOCK_STOPPED, SlaEventKind.CLOCK_STARTED);
        assertThat(events.get(2).clockNo()).isEqualTo(1);
        assertThat(events.get(2).clockStartedAt()).isEqualTo(reopenedAt);
    }

    @Test
    void aTableRuleWithoutExactlyOneTargetStopsTriageWithAClearError() throws Exception {
        // a process owner edits the table: Enterprise severity C loses its internal follow-up too
        String dmn;
        try (var in = getClass().getResourceAsStream("/bpmn/response-target.dmn")) {
            dmn = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String broken = dmn.replaceFirst(
                "(<outputEntry id=\"response-target-rule-enterprise-c-internalTarget\">\\s*<text>)\"PT24H\"(</text>)", "$1null$2");
        assertThat(broken).as("the edit applies").isNotEqualTo(dmn);
        String deployment = engine.getRepositoryService().createDeployment().name("broken-targets")
                .addString("response-target.dmn", broken).deploy().getId();
        try {
            Organization org = fixtures.organization(Plan.ENTERPRISE, false);
            SupportUser admin = fixtures.adminOf(org);
            long before = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(SupportCaseModel.PROCESS_KEY).count();

            assertThatThrownBy(() -> open(admin, Fixtures.request(org).minor().selfServiceTried()))
                    .hasMessageContaining("Enterprise plans, severity C")
                    .hasMessageContaining("gives neither a responseTarget nor an internalTarget")
                    .hasMessageContaining("response-target.dmn");
            assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(SupportCaseModel.PROCESS_KEY).count()).as("no case without a clock").isEqualTo(before);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void aBusinessHoursWarningThatFallsOutsideOpeningHoursGoesOutMondayAtOpening() {
        // a process owner deploys a table giving every case a 4-hour target on business hours
        String deployment = engine.getRepositoryService().createDeployment()
                .name("business-hours-targets")
                .addClasspathResource("dmn/response-target-business-hours.dmn")
                .deploy().getId();
        try {
            Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
            SupportUser admin = fixtures.adminOf(org);
            setClock(at("2026-03-06T14:00"));
            String n = open(admin, Fixtures.request(org).high().selfServiceTried());

            SupportCase opened = view(n);
            assertThat(opened.availability()).isEqualTo("BUSINESS_HOURS");
            assertThat(opened.targetRule()).isEqualTo("Test: business hours, 4 hours");
            // 3 hours on Friday, 1 on Monday
            assertThat(opened.firstResponseDueAt()).isEqualTo(at("2026-03-09T10:00"));
            // 75% = 3 business hours = Friday 17:00, when the desk closes: the team hears on Monday at 09:00
            assertThat(opened.responseWarningAt()).isEqualTo(at("2026-03-09T09:00"));
            assertTimersAgreeWithCase(n);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void reclassifyingKeepsTheClaimedTaskAndMovesItsDueDate() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, true);
        SupportUser admin = fixtures.adminOf(org);
        SupportUser engineer = fixtures.user(Groups.SUPPORT_ENGINEERS);
        // elevated support, severity C: 24/7, 4 hours
        String n = open(admin, Fixtures.request(org).minor().selfServiceTried());
        ProcessInstance instance = instanceOf(n);
        Task before = task(SupportCaseModel.TASK_FIRST_RESPONSE, instance);
        engine.getTaskService().claim(before.getId(), engineer.id());
        engine.getTaskService().createComment(before.getId(), instance.getId(), "Checking the tenant's mail flow.");

        setClock(WEDNESDAY_10.plus(Duration.ofMinutes(30)));
        cases.reclassify(n, Severity.A, "The whole sales team is affected", manager);

        Task after = task(SupportCaseModel.TASK_FIRST_RESPONSE, instance);
        assertThat(after.getId()).as("the same task").isEqualTo(before.getId());
        assertThat(after.getAssignee()).as("still claimed").isEqualTo(engineer.id());
        assertThat(after.getDueDate()).isEqualTo(Date.from(WEDNESDAY_10.plus(Duration.ofHours(1))));
        assertThat(after.getPriority()).as("severity A goes first in Tasklist").isGreaterThan(before.getPriority());
        assertThat(engine.getTaskService().getVariableLocal(after.getId(), PrepareTask.DUE_AT))
                .isEqualTo(PrepareTask.dueAt(Date.from(WEDNESDAY_10.plus(Duration.ofHours(1)))));
        assertThat(engine.getTaskService().getTaskComments(after.getId())).extracting(c -> c.getFullMessage())
                .containsExactly("Checking the tenant's mail flow.");
        assertThat(kinds(n)).containsExactly(SlaEventKind.CLOCK_STARTED, SlaEventKind.DUE_DATES_RECOMPUTED);
        assertTimersAgreeWithCase(n);
    }

    @Test
    void aCommitmentGivenAfterTheReminderBreachesWhenItsDueDateHasPassed() {
        String n = remindedThenCommitted();
        ProcessInstance instance = instanceOf(n);

        // the due-moment timer has fired as a reminder: the model waits for the new due date itself
        assertThat(view(n).firstResponseDueAt()).isEqualTo(WEDNESDAY_10.plus(Duration.ofHours(24)));
        assertThat(view(n).slaBreached()).isFalse();
        runTimer(instance, "Timer_NewTargetDue");
        assertThat(view(n).slaBreached()).isTrue();
        assertThat(instance).hasPassed("Gateway_StillUnanswered", "markSlaBreached").isWaitingAt("firstResponse", "sendBreachAlert");
        assertThat(kinds(n)).containsExactly(SlaEventKind.CLOCK_STARTED, SlaEventKind.REMINDER_SENT,
                SlaEventKind.DUE_DATES_RECOMPUTED, SlaEventKind.BREACHED);
    }

    @Test
    void aCommitmentGivenAfterTheReminderIsMetByAFirstResponseBeforeItsDueDate() {
        String n = remindedThenCommitted();
        ProcessInstance instance = instanceOf(n);

        complete(task("firstResponse", instance), withVariables("responseMessage", "On it."));
        runTimer(instance, "Timer_NewTargetDue");

        assertThat(view(n).slaBreached()).isFalse();
        assertThat(instance).hasPassed("newTargetMet").hasNotPassed("markSlaBreached").isWaitingAt("workCase");
    }

    /**
     * Enterprise severity C (no commitment, follow-up after 24 hours): reminded at its follow-up, then
     * reclassified to B an hour later, whose next-day commitment counts from the same clock start.
     */
    private String remindedThenCommitted() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        String n = open(fixtures.adminOf(org), Fixtures.request(org).minor().selfServiceTried());
        setClock(WEDNESDAY_10.plus(Duration.ofHours(24)));
        runTimer(instanceOf(n), SupportCaseModel.TIMER_RESPONSE_DUE);
        assertThat(notifier.sentFor(n)).contains(NotificationType.TEAM_REMINDER);
        setClock(WEDNESDAY_10.plus(Duration.ofHours(25)));
        cases.reclassify(n, Severity.B, "It is the CEO's mailbox", manager);
        return n;
    }

    @Test
    void aFailingBreachAlertLeavesTheBreachRecordedAndBecomesAnIncidentOfTheCase() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = open(admin, Fixtures.request(org).critical());
        ProcessInstance instance = instanceOf(n);
        setClock(WEDNESDAY_10.plus(Duration.ofHours(1)));
        runTimer(instance, SupportCaseModel.TIMER_RESPONSE_DUE);

        Job alert = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("sendBreachAlert").singleResult();
        assertThat(alert.getRetries()).as("retries of the breach alert (support.sla.retry-cycle R5/PT1M)").isEqualTo(5);
        for (int attempt = 1; attempt <= 5; attempt++) {
            notifier.failNextSend(new IllegalStateException("breach alert template is broken"));
            assertThatThrownBy(() -> engine.getManagementService().executeJob(alert.getId()))
                    .as("attempt %d", attempt).hasMessageContaining("breach alert template is broken");
            assertThat(view(n).slaBreached()).as("the breach stays recorded after attempt %d", attempt).isTrue();
        }

        assertThat(view(n).slaBreached()).as("the breach stays recorded").isTrue();
        assertThat(kinds(n)).contains(SlaEventKind.BREACHED);
        var incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident).as("incident of %s", n).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("sendBreachAlert");
        assertThat(incident.getIncidentMessage()).contains("breach alert template is broken");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId())
                .singleResult().getBusinessKey()).isEqualTo(n);
        assertThat(instance).isWaitingAt("firstResponse", "sendBreachAlert");
    }

    @Test
    void theCasesTimersRetryEachFailureBeforeAnIncident() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = open(admin, Fixtures.request(org).critical());
        assertThat(slaTimers(instanceOf(n))).hasSize(2)
                .allSatisfy(job -> assertThat(job.getRetries()).as("retries of %s", activityOf(job)).isEqualTo(5));
    }

    private SupportCase view(String caseNumber) {
        return view(caseNumber, manager);
    }

    private List<SlaEventKind> kinds(String caseNumber) {
        return timeline.of(caseNumber).stream().map(SlaEvent::kind).toList();
    }

    private List<Job> slaTimers(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list()
                .stream().filter(j -> List.of(SupportCaseModel.TIMER_RESPONSE_WARNING, SupportCaseModel.TIMER_RESPONSE_DUE)
                        .contains(activityOf(j)))
                .toList();
    }

    private String activityOf(Job job) {
        return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                .singleResult().getActivityId();
    }

    private void runTimer(ProcessInstance instance, String activityId) {
        runJob(instance, activityId);
    }

    private void runJob(ProcessInstance instance, String activityId) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        engine.getManagementService().executeJob(job.getId());
    }

    /** The engine's timers, the case view and the latest timeline entry name the same instants. */
    private void assertTimersAgreeWithCase(String caseNumber) {
        SupportCase c = view(caseNumber);
        ProcessInstance instance = instanceOf(caseNumber);
        Map<String, Instant> timers = slaTimers(instance).stream()
                .collect(Collectors.toMap(this::activityOf, j -> j.getDuedate().toInstant()));
        // one due moment, the commitment or else the internal follow-up; the warning before it, or
        // (no warning planned) at the due moment itself, where it passes silently
        Instant due = c.firstResponseDueAt() != null ? c.firstResponseDueAt() : c.internalFollowUpAt();
        assertThat(c.firstResponseDueAt() == null || c.internalFollowUpAt() == null).as("one due moment").isTrue();
        assertThat(timers.get(SupportCaseModel.TIMER_RESPONSE_DUE)).isEqualTo(due);
        assertThat(timers.get(SupportCaseModel.TIMER_RESPONSE_WARNING))
                .isEqualTo(c.responseWarningAt() != null ? c.responseWarningAt() : due);
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(SupportCaseModel.TASK_FIRST_RESPONSE).singleResult();
        assertThat(task.getDueDate()).as("due date of the first-response task").isEqualTo(Date.from(due));
        List<SlaEvent> events = timeline.of(caseNumber);
        SlaEvent latest = events.get(events.size() - 1);
        assertThat(latest.firstResponseDueAt()).isEqualTo(c.firstResponseDueAt());
        assertThat(latest.warningAt()).isEqualTo(c.responseWarningAt());
        assertThat(latest.internalFollowUpAt()).isEqualTo(c.internalFollowUpAt());
    }
}
