package io.supporto.sla;

import java.time.Instant;

/** One line of a case's SLA timeline. */
public record SlaEvent(
        Instant at,
        SlaEventKind kind,
        int clockNo,
        String severity,
        String calendar,
        String rule,
        String responseTarget,
        String internalTarget,
        Instant clockStartedAt,
        Instant firstResponseDueAt,
        Instant warningAt,
        Instant internalFollowUpAt,
        String detail) {
}
