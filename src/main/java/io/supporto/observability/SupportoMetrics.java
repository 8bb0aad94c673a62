package io.supporto.observability;

import static io.supporto.cases.CaseVariables.PLAN;
import static io.supporto.cases.CaseVariables.SEVERITY;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.supporto.cases.ClosureReason;
import io.supporto.cases.Severity;
import io.supporto.notify.NotificationType;
import io.supporto.organizations.Plan;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The business counters of Supporto. What happens inside a transaction (an engine command, the
 * mail outbox's own transaction) is counted only when that transaction commits, so a rolled-back
 * step or a retried job never counts twice. Prometheus names: {@code supporto_cases_opened_total},
 * {@code supporto_cases_closed_total}, {@code supporto_sla_breaches_total},
 * {@code supporto_sla_warnings_total}, {@code supporto_sla_reminders_total},
 * {@code supporto_mail_send_failures_total}.
 */
@Component
public class SupportoMetrics {

    static final String UNKNOWN = "UNKNOWN";
    private static final Logger log = LoggerFactory.getLogger(SupportoMetrics.class);

    private final MeterRegistry registry;

    public SupportoMetrics(MeterRegistry registry) {
        this.registry = registry;
        // every series exists from the start, at 0, so rates and increases work from the first case
        for (Severity severity : Severity.values()) {
            for (Plan.PlanFamily family : Plan.PlanFamily.values()) {
                opened(severity.name(), family.name());
                breaches(severity.name(), family.name());
                for (ClosureReason reason : ClosureReason.values()) {
                    closed(severity.name(), family.name(), reason.name());
                }
            }
        }
        warnings();
        reminders();
        for (NotificationType notification : NotificationType.values()) {
            mailSendFailures(notification.name());
        }
    }

    /** Triage of the case in this execution is done: counts it by severity and plan family. */
    public void caseOpened(DelegateExecution execution) {
        String severity = severity(execution);
        String planFamily = planFamily(execution);
        log.info("Case {} opened with severity {} ({} plan family)", execution.getProcessBusinessKey(), severity,
                planFamily);
        caseOpened(severity, planFamily);
    }

    public void caseOpened(String severity, String planFamily) {
        afterCommit(opened(severity, planFamily));
    }

    /** The case in this execution was closed for the reason. */
    public void caseClosed(DelegateExecution execution, ClosureReason reason) {
        caseClosed(severity(execution), planFamily(execution), reason.name());
    }

    public void caseClosed(String severity, String planFamily, String reason) {
        afterCommit(closed(severity, planFamily, reason));
    }

    /** The response target of the case in this execution was breached. */
    public void slaBreached(DelegateExecution execution) {
        String severity = severity(execution);
        String planFamily = planFamily(execution);
        log.info("Case {} breached its response target (severity {}, {} plan family)",
                execution.getProcessBusinessKey(), severity, planFamily);
        slaBreached(severity, planFamily);
    }

    public void slaBreached(String severity, String planFamily) {
        afterCommit(breaches(severity, planFamily));
    }

    /** An SLA timer fired: counts warnings and internal follow-up reminders (breaches count in {@link #slaBreached}). */
    public void slaTimerFired(String kind) {
        switch (kind) {
            case "WARNING_SENT" -> afterCommit(warnings());
            case "REMINDER_SENT" -> afterCommit(reminders());
            default -> { }
        }
    }

    /** Handing a notification mail to the SMTP server failed (counted once per failed attempt). */
    public void mailSendFailed(String notification) {
        afterCommit(mailSendFailures(notification));
    }

    private Counter mailSendFailures(String notification) {
        return Counter.builder("supporto.mail.send.failures")
                .description("Failed attempts to hand a notification mail to the SMTP server")
                .tag("notification", label(notification))
                .register(registry);
    }

    private Counter opened(String severity, String planFamily) {
        return Counter.builder("supporto.cases.opened")
                .description("Cases triaged, by severity and plan family")
                .tag("severity", label(severity)).tag("plan_family", label(planFamily))
                .register(registry);
    }

    private Counter closed(String severity, String planFamily, String reason) {
        return Counter.builder("supporto.cases.closed")
                .description("Case closures (a reopened case closes again), by severity, plan family and reason")
                .tag("severity", label(severity)).tag("plan_family", label(planFamily)).tag("reason", label(reason))
                .register(registry);
    }

    private Counter breaches(String severity, String planFamily) {
        return Counter.builder("supporto.sla.breaches")
                .description("Response targets breached, by severity and plan family")
                .tag("severity", label(severity)).tag("plan_family", label(planFamily))
                .register(registry);
    }

    private Counter warnings() {
        return Counter.builder("supporto.sla.warnings")
                .description("Warnings sent to the owning team before a response target passed")
                .register(registry);
    }

    private Counter reminders() {
        return Counter.builder("supporto.sla.reminders")
                .description("Internal follow-up reminders sent")
                .register(registry);
    }

    /** Counts now outside a transaction, else once the transaction commits (never on rollback). */
    static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }

    private static String severity(VariableScope execution) {
        Object severity = execution.getVariable(SEVERITY);
        return severity == null ? UNKNOWN : severity.toString();
    }

    private static String planFamily(VariableScope execution) {
        Object plan = execution.getVariable(PLAN);
        if (plan == null) {
            return UNKNOWN;
        }
        try {
            return Plan.valueOf(plan.toString()).family().name();
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    private static String label(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }
}
