package io.supporto.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import io.supporto.SupportProperties;
import org.springframework.stereotype.Component;

/**
 * Turns a response target into due dates. Warnings and reminders of a business-hours case are
 * moved to an open moment (a target that ends at closing time is the same business moment as
 * the next opening), so nobody is pinged while the desk is closed; a breach keeps its instant.
 */
@Component
public class SlaPlanner {

    private final ResponseClock responseClock;
    private final BusinessCalendar businessCalendar;
    private final SupportProperties properties;

    public SlaPlanner(ResponseClock responseClock, BusinessCalendar businessCalendar, SupportProperties properties) {
        this.responseClock = responseClock;
        this.businessCalendar = businessCalendar;
        this.properties = properties;
    }

    /**
     * Plans a clock that started at {@code clockStart}; {@code now} is later than the start when
     * a reclassification re-plans a running clock, and a warning already in the past is dropped.
     */
    public SlaPlan plan(Instant clockStart, Instant now, Availability availability, Duration responseTarget,
                        Duration internalTarget, ZoneId zone, String country) {
        Instant due = responseTarget == null ? null
                : responseClock.dueAt(clockStart, responseTarget, availability, zone, country);
        Instant warning = null;
        if (responseTarget != null) {
            Duration lead = Duration.ofSeconds(Math.round(responseTarget.toSeconds() * properties.sla().warningAt()));
            warning = openMoment(responseClock.dueAt(clockStart, lead, availability, zone, country), availability,
                    zone, country);
            if (!warning.isAfter(now) || !warning.isBefore(due)) {
                warning = null;
            }
        }
        Instant followUp = internalTarget == null ? null : openMoment(
                responseClock.dueAt(clockStart, internalTarget, availability, zone, country), availability, zone, country);
        return new SlaPlan(clockStart, due, warning, followUp, describe(availability, zone, country));
    }

    private Instant openMoment(Instant instant, Availability availability, ZoneId zone, String country) {
        return availability == Availability.BUSINESS_HOURS
                ? businessCalendar.nextOpenMoment(instant, zone, country) : instant;
    }

    private static String describe(Availability availability, ZoneId zone, String country) {
        return availability == Availability.AROUND_THE_CLOCK ? "24x7"
                : "business hours in " + zone.getId() + " (holidays of " + country + ")";
    }
}
