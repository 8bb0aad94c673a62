package io.supporto.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * Counts every target on the 24/7 clock: real elapsed time, so PT24H is 24 real hours even
 * across a daylight-saving change. Placeholder until business-hours calendars arrive.
 */
@Component
public class AroundTheClock implements ResponseClock {

    @Override
    public Instant dueAt(Instant start, Duration target, Availability availability, ZoneId zone, String country) {
        return start.plus(target);
    }
}
