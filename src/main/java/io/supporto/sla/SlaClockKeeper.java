package io.supporto.sla;

import static io.supporto.cases.CaseVariables.AVAILABILITY;
import static io.supporto.cases.CaseVariables.BREACH_RAISED;
import static io.supporto.cases.CaseVariables.CLOCK_STARTED_AT;
import static io.supporto.cases.CaseVariables.COUNTRY;
import static io.supporto.cases.CaseVariables.FIRST_RESPONSE_DUE_AT;
import static io.supporto.cases.CaseVariables.INTERNAL_FOLLOW_UP_AT;
import static io.supporto.cases.CaseVariables.INTERNAL_TARGET;
import static io.supporto.cases.CaseVariables.REOPEN_COUNT;
import static io.supporto.cases.CaseVariables.RESPONSE_TARGET;
import static io.supporto.cases.CaseVariables.RESPONSE_WARNING_AT;
import static io.supporto.cases.CaseVariables.SEVERITY;
import static io.supporto.cases.CaseVariables.TARGET_RULE;
import static io.supporto.cases.CaseVariables.TIME_ZONE;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import io.supporto.cases.CaseRepository;
import io.supporto.cases.Severity;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Runs a case's response clock: starts it with the due dates its target gives, re-plans it when
 * the severity changes before the first response, stops it, and writes each step to the SLA
 * timeline. The process variables it sets are what the SLA timers read.
 */
@Component
public class SlaClockKeeper {

    private final SlaPlanner planner;
    private final SlaTimeline timeline;
    private final CaseRepository cases;

    public SlaClockKeeper(SlaPlanner planner, SlaTimeline timeline, CaseRepository cases) {
        this.planner = planner;
        this.timeline = timeline;
        this.cases = cases;
    }

    public SlaPlan start(DelegateExecution execution, Instant now) {
        SlaPlan plan = plan(execution, now, now);
        execution.setVariable(CLOCK_STARTED_AT, Date.from(now));
        execution.setVariable(BREACH_RAISED, false);
        setDueDates(execution, plan);
        cases.engage(execution.getProcessBusinessKey(), now, plan.firstResponseDueAt(), plan.warningAt(),
                plan.internalFollowUpAt(), (String) execution.getVariable(TARGET_RULE));
        record(execution, now, SlaEventKind.CLOCK_STARTED, plan, "Response clock started. " + describe(plan));
        return plan;
    }

    /** New targets counted from the original clock start: the time already spent stays spent. */
    public SlaPlan replan(DelegateExecution execution, Instant now, Severity before) {
        Instant clockStart = ((Date) execution.getVariable(CLOCK_STARTED_AT)).toInstant();
        SlaPlan plan = plan(execution, clockStart, now);
        setDueDates(execution, plan);
        cases.replan(execution.getProcessBusinessKey(), severity(execution), (String) execution.getVariable(AVAILABILITY),
                (String) execution.getVariable(RESPONSE_TARGET), (String) execution.getVariable(INTERNAL_TARGET),
                (String) execution.getVariable(TARGET_RULE), plan.firstResponseDueAt(), plan.warningAt(),
                plan.internalFollowUpAt());
        boolean pastDue = plan.firstResponseDueAt() != null && !plan.firstResponseDueAt().isAfter(now);
        record(execution, now, SlaEventKind.DUE_DATES_RECOMPUTED, plan, "Severity " + before + " → "
                + severity(execution) + ", counted from the original clock start. " + describe(plan)
                + (pastDue ? " The new due date has already passed: the case is in breach." : ""));
        return plan;
    }

    public void stop(DelegateExecution execution, Instant now) {
        record(execution, now, SlaEventKind.CLOCK_STOPPED, null, "First response given; the response clock stopped.");
    }

    public void reclassifiedAfterResponse(DelegateExecution execution, Instant now, Severity before) {
        record(execution, now, SlaEventKind.RECLASSIFIED_AFTER_RESPONSE, null, "Severity " + before + " → "
                + severity(execution) + " after the first response: the due dates of this clock stand; the new"
                + " target applies from the next reopen.");
    }

    public void timerFired(DelegateExecution execution, Instant now, SlaEventKind kind) {
        String detail = switch (kind) {
            case WARNING_SENT -> "Warning: the first response is due at " + execution.getVariable(FIRST_RESPONSE_DUE_AT)
                    + "; the owning team was told.";
            case BREACHED -> "Response target breached: no first response by the due date; support managers"
                    + " and the escalation mailbox were told.";
            case REMINDER_SENT -> "Internal follow-up reached: the team was reminded (not a breach).";
            default -> kind.name();
        };
        record(execution, now, kind, null, detail);
    }

    /**
     * Every engaged case has exactly one due moment, which the timers on "Give first response" are set
     * to: a commitment ({@code responseTarget}) or an internal follow-up ({@code internalTarget}), as
     * the response-target decision gave them. A table edited into giving both or neither stops the
     * step that read it (triage, a reclassification) with an error naming the rule.
     */
    public static void requireOneDueMoment(DelegateExecution execution) {
        Object responseTarget = execution.getVariable(RESPONSE_TARGET);
        if ((responseTarget == null) == (execution.getVariable(INTERNAL_TARGET) == null)) {
            throw new ProcessEngineException("The response-target decision's rule '" + execution.getVariable(TARGET_RULE)
                    + "' gives " + (responseTarget == null ? "neither a responseTarget nor an internalTarget"
                    : "both a responseTarget and an internalTarget") + " for case " + execution.getProcessBusinessKey()
                    + "; every rule must give exactly one of them. Fix bpmn/response-target.dmn and deploy it again.");
        }
    }

    private SlaPlan plan(DelegateExecution execution, Instant clockStart, Instant now) {
        requireOneDueMoment(execution);
        Availability availability = Availability.ofCode((String) execution.getVariable(AVAILABILITY));
        return planner.plan(clockStart, now, availability, duration(execution, RESPONSE_TARGET),
                duration(execution, INTERNAL_TARGET), ZoneId.of((String) execution.getVariable(TIME_ZONE)),
                (String) execution.getVariable(COUNTRY));
    }

    private static void setDueDates(DelegateExecution execution, SlaPlan plan) {
        execution.setVariable(FIRST_RESPONSE_DUE_AT, date(plan.firstResponseDueAt()));
        execution.setVariable(RESPONSE_WARNING_AT, date(plan.warningAt()));
        execution.setVariable(INTERNAL_FOLLOW_UP_AT, date(plan.internalFollowUpAt()));
    }

    private void record(DelegateExecution execution, Instant now, SlaEventKind kind, SlaPlan plan, String detail) {
        Object clockNo = execution.getVariable(REOPEN_COUNT);
        timeline.record(execution, new SlaEvent(now, kind, clockNo == null ? 0 : (Integer) clockNo,
                (String) execution.getVariable(SEVERITY),
                plan == null ? null : plan.calendar(),
                (String) execution.getVariable(TARGET_RULE),
                (String) execution.getVariable(RESPONSE_TARGET),
                (String) execution.getVariable(INTERNAL_TARGET),
                instant(execution.getVariable(CLOCK_STARTED_AT)),
                instant(execution.getVariable(FIRST_RESPONSE_DUE_AT)),
                instant(execution.getVariable(RESPONSE_WARNING_AT)),
                instant(execution.getVariable(INTERNAL_FOLLOW_UP_AT)),
                detail));
    }

    private static String describe(SlaPlan plan) {
        return "Calendar: " + plan.calendar() + ". First response due: "
                + (plan.firstResponseDueAt() == null ? "no commitment" : plan.firstResponseDueAt())
                + (plan.warningAt() == null ? "" : "; warning at " + plan.warningAt())
                + (plan.internalFollowUpAt() == null ? "" : "; internal follow-up at " + plan.internalFollowUpAt())
                + ".";
    }

    private static Severity severity(DelegateExecution execution) {
        return Severity.valueOf((String) execution.getVariable(SEVERITY));
    }

    private static Duration duration(DelegateExecution execution, String variable) {
        String value = (String) execution.getVariable(variable);
        return value == null ? null : Duration.parse(value);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Object date) {
        return date == null ? null : ((Date) date).toInstant();
    }
}
