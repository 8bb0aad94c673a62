package io.supporto.sla;

import java.time.Instant;

/**
 * The due dates of one response clock and why they are what they are.
 *
 * @param firstResponseDueAt the contractual target's end, null when there is no commitment
 * @param warningAt          when the owning team is warned, null when no warning applies
 * @param internalFollowUpAt when the team is reminded (never a breach), null when none applies
 * @param calendar           the calendar the durations were counted on, in words
 */
public record SlaPlan(Instant clockStartedAt, Instant firstResponseDueAt, Instant warningAt,
                      Instant internalFollowUpAt, String calendar) {
}
