package io.supporto.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * Response targets on the calendar the response-target decision names: 24/7 targets are real
 * elapsed time (PT24H is 24 real hours, also across a daylight saving change); business-hours
 * targets count only the organization's business minutes.
 */
@Component
public class CalendarResponseClock implements ResponseClock {

    private final BusinessCalendar businessCalendar;

    public CalendarResponseClock(BusinessCalendar businessCalendar) {
        this.businessCalendar = businessCalendar;
    }

    @Override
    public Instant dueAt(Instant start, Duration target, Availability availability, ZoneId zone, String country) {
        return switch (availability) {
            case AROUND_THE_CLOCK -> start.plus(target);
            case BUSINESS_HOURS -> businessCalendar.plus(start, target, zone, country);
        };
    }
}
