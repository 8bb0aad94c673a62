package io.supporto.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Where a response target ends: the one place due dates are computed. */
public interface ResponseClock {

    /**
     * The instant at which {@code target} of countable time has passed since {@code start}, on the
     * calendar that {@code availability} names for an organization in {@code zone} and {@code country}.
     */
    Instant dueAt(Instant start, Duration target, Availability availability, ZoneId zone, String country);
}
