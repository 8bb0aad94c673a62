package io.supporto.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import io.supporto.sla.BusinessHoursProperties.OpeningHours;
import org.springframework.stereotype.Component;

/**
 * Business time in an organization's own zone and country: only minutes inside opening hours
 * on working days count. Opening and closing are wall-clock times of the day, so a daylight
 * saving change (at night, outside opening hours) neither adds nor removes business time.
 */
@Component
public class BusinessCalendar {

    /** Ten years without a single open day means the configuration is broken, not the case. */
    private static final int MAX_DAYS = 3660;

    private final Map<DayOfWeek, OpeningHours> week;
    private final PublicHolidays holidays;

    public BusinessCalendar(BusinessHoursProperties properties, PublicHolidays holidays) {
        this.week = properties.parsedOpeningHours();
        this.holidays = holidays;
        if (week.isEmpty()) {
            throw new IllegalStateException("support.business-hours.opening-hours opens on no day of the week");
        }
    }

    /**
     * The instant at which {@code amount} of business time has passed since {@code start}. A
     * target that ends exactly at closing time ends at that closing instant.
     */
    public Instant plus(Instant start, Duration amount, ZoneId zone, String country) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A target cannot be negative: " + amount);
        }
        Duration remaining = amount;
        ZonedDateTime cursor = start.atZone(zone);
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = cursor.toLocalDate();
            OpeningHours hours = openingOn(day, country);
            if (hours != null) {
                ZonedDateTime opens = day.atTime(hours.opens()).atZone(zone);
                ZonedDateTime closes = day.atTime(hours.closes()).atZone(zone);
                if (cursor.isBefore(opens)) {
                    cursor = opens;
                }
                if (cursor.isBefore(closes)) {
                    Duration available = Duration.between(cursor, closes);
                    if (remaining.compareTo(available) <= 0) {
                        return cursor.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("No business hours within " + MAX_DAYS + " days of " + start);
    }

    /** Whether the desk is open at {@code instant} for an organization in {@code zone} and {@code country}. */
    public boolean isOpen(Instant instant, ZoneId zone, String country) {
        ZonedDateTime at = instant.atZone(zone);
        OpeningHours hours = openingOn(at.toLocalDate(), country);
        return hours != null && !at.toLocalTime().isBefore(hours.opens()) && at.toLocalTime().isBefore(hours.closes());
    }

    /** {@code instant} itself when the desk is open then, otherwise the next opening. */
    public Instant nextOpenMoment(Instant instant, ZoneId zone, String country) {
        // zero business time from an open moment is that moment; from a closed one, the next opening
        return plus(instant, Duration.ZERO, zone, country);
    }

    private OpeningHours openingOn(LocalDate day, String country) {
        OpeningHours hours = week.get(day.getDayOfWeek());
        return hours == null || holidays.isClosed(day, country) ? null : hours;
    }
}
