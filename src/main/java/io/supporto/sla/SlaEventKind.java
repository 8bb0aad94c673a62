package io.supporto.sla;

/** What can happen on a case's SLA timeline. */
public enum SlaEventKind {
    CLOCK_STARTED,
    DUE_DATES_RECOMPUTED,
    WARNING_SENT,
    BREACHED,
    REMINDER_SENT,
    CLOCK_STOPPED,
    RECLASSIFIED_AFTER_RESPONSE
}
