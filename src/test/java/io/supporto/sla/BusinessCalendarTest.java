package io.supporto.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business time to the minute: Monday to Friday 09:00-17:00 local, skipping public holidays. */
class BusinessCalendarTest {

    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    final BusinessHoursProperties properties = new BusinessHoursProperties(null, List.of(),
            Map.of("IT", List.of(LocalDate.parse("2026-12-24"))));
    final BusinessCalendar calendar = new BusinessCalendar(properties, new PublicHolidays(properties));
    final CalendarResponseClock clock = new CalendarResponseClock(calendar);

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    Instant plusInRome(String start, String target) {
        return calendar.plus(at(start, ROME), Duration.parse(target), ROME, "IT");
    }

    @Nested
    class OpeningHoursBoundaries {

        @ParameterizedTest(name = "{0} + {1} = {2}")
        @CsvSource({
                // Wednesday 2026-03-04: before, at, inside and at the end of opening hours
                "2026-03-04T08:59, PT1M, 2026-03-04T09:01",
                "2026-03-04T09:00, PT1M, 2026-03-04T09:01",
                "2026-03-04T16:59, PT1M, 2026-03-04T17:00",
                "2026-03-04T16:59, PT2M, 2026-03-05T09:01",
                "2026-03-04T17:00, PT1M, 2026-03-05T09:01",
                "2026-03-04T23:30, PT1M, 2026-03-05T09:01",
                "2026-03-04T09:00, PT8H, 2026-03-04T17:00",
                "2026-03-04T09:00, PT8H1M, 2026-03-05T09:01",
                "2026-03-04T12:00, PT0S, 2026-03-04T12:00",
        })
        void countsOnlyMinutesInsideOpeningHours(String start, String target, String expected) {
            assertThat(plusInRome(start, target)).isEqualTo(at(expected, ROME));
        }
    }

    @Nested
    class Weekends {

        @Test
        void fridayAfternoonEightHoursEndsMondayAtTheSameTime() {
            assertThat(plusInRome("2026-03-06T16:30", "PT8H")).isEqualTo(at("2026-03-09T16:30", ROME));
        }

        @Test
        void engagementOnSaturdayStartsCountingMondayAtOpening() {
            assertThat(plusInRome("2026-03-07T10:00", "PT1H")).isEqualTo(at("2026-03-09T10:00", ROME));
            assertThat(plusInRome("2026-03-08T23:59", "PT1M")).isEqualTo(at("2026-03-09T09:01", ROME));
        }

        @Test
        void nextOpenMomentOfAWeekendIsMondayAtOpening() {
            assertThat(calendar.nextOpenMoment(at("2026-03-07T11:00", ROME), ROME, "IT"))
                    .isEqualTo(at("2026-03-09T09:00", ROME));
            assertThat(calendar.nextOpenMoment(at("2026-03-06T17:00", ROME), ROME, "IT"))
                    .isEqualTo(at("2026-03-09T09:00", ROME));
            assertThat(calendar.nextOpenMoment(at("2026-03-06T12:00", ROME), ROME, "IT"))
                    .isEqualTo(at("2026-03-06T12:00", ROME));
            assertThat(calendar.isOpen(at("2026-03-06T16:59", ROME), ROME, "IT")).isTrue();
            assertThat(calendar.isOpen(at("2026-03-06T17:00", ROME), ROME, "IT")).isFalse();
        }
    }

    @Nested
    class Holidays {

        @Test
        void easterMondayInItalyIsSkipped() {
            // Easter 2026 is 5 April: Friday 3 April is a working day in Italy, Monday 6 April is not
            assertThat(plusInRome("2026-04-03T16:30", "PT8H")).isEqualTo(at("2026-04-07T16:30", ROME));
        }

        @Test
        void aMondayHolidayPushesTheTargetToTuesday() {
            // Labor Day, Monday 7 September 2026, in the United States
            Instant start = at("2026-09-04T16:30", NEW_YORK);
            assertThat(calendar.plus(start, Duration.ofHours(8), NEW_YORK, "US"))
                    .isEqualTo(at("2026-09-08T16:30", NEW_YORK));
        }

        @Test
        void aHolidayOfAnotherCountryIsAWorkingDay() {
            // Easter Monday is no holiday in the United States
            Instant start = at("2026-04-03T16:30", NEW_YORK);
            assertThat(calendar.plus(start, Duration.ofHours(8), NEW_YORK, "US"))
                    .isEqualTo(at("2026-04-06T16:30", NEW_YORK));
        }

        @Test
        void closedDaysFromConfigurationAreSkippedForTheirCountryOnly() {
            // 24 December closed by configuration in Italy, 25 and 26 are public holidays, then the weekend
            assertThat(plusInRome("2026-12-23T16:30", "PT1H")).isEqualTo(at("2026-12-28T09:30", ROME));
            Instant start = at("2026-12-23T16:30", NEW_YORK);
            assertThat(calendar.plus(start, Duration.ofHours(1), NEW_YORK, "US"))
                    .isEqualTo(at("2026-12-24T09:30", NEW_YORK));
        }

        @Test
        void anUnknownCountryHasOnlyWeekends() {
            Instant start = at("2026-04-03T16:30", ROME);
            assertThat(calendar.plus(start, Duration.ofHours(8), ROME, "ZZ")).isEqualTo(at("2026-04-06T16:30", ROME));
        }
    }

    @Nested
    class DaylightSaving {

        @Test
        void romeSpringForwardNeitherLosesNorAddsBusinessTime() {
            // clocks go forward on Sunday 29 March 2026
            Instant due = plusInRome("2026-03-27T13:00", "PT8H");
            assertThat(due).isEqualTo(at("2026-03-30T13:00", ROME));
            assertThat(due).isEqualTo(Instant.parse("2026-03-30T11:00:00Z"));
        }

        @Test
        void romeFallBackNeitherLosesNorAddsBusinessTime() {
            // clocks go back on Sunday 25 October 2026
            Instant due = plusInRome("2026-10-23T13:00", "PT8H");
            assertThat(due).isEqualTo(at("2026-10-26T13:00", ROME));
            assertThat(due).isEqualTo(Instant.parse("2026-10-26T12:00:00Z"));
        }

        @Test
        void newYorkSpringForwardAndFallBack() {
            // 8 March and 1 November 2026
            assertThat(calendar.plus(at("2026-03-06T15:00", NEW_YORK), Duration.ofHours(4), NEW_YORK, "US"))
                    .isEqualTo(at("2026-03-09T11:00", NEW_YORK));
            assertThat(calendar.plus(at("2026-10-30T15:00", NEW_YORK), Duration.ofHours(4), NEW_YORK, "US"))
                    .isEqualTo(at("2026-11-02T11:00", NEW_YORK));
        }

        @Test
        void aroundTheClockTargetsAreRealHoursAcrossTheChange() {
            Instant saturdayNoon = at("2026-03-28T12:00", ROME);
            Instant due = clock.dueAt(saturdayNoon, Duration.ofHours(24), Availability.AROUND_THE_CLOCK, ROME, "IT");
            assertThat(Duration.between(saturdayNoon, due)).isEqualTo(Duration.ofHours(24));
            assertThat(due).isEqualTo(at("2026-03-29T13:00", ROME));

            Instant newYorkSaturday = at("2026-10-31T12:00", NEW_YORK);
            assertThat(clock.dueAt(newYorkSaturday, Duration.ofHours(24), Availability.AROUND_THE_CLOCK, NEW_YORK, "US"))
                    .isEqualTo(at("2026-11-01T11:00", NEW_YORK));
        }
    }

    @Nested
    class ZonesEastOfUtc {

        @Test
        void tokyoMorningIsThePreviousUtcDay() {
            // Wednesday 08:30 in Tokyo is Tuesday 23:30 UTC
            Instant start = Instant.parse("2026-03-03T23:30:00Z");
            assertThat(calendar.plus(start, Duration.ofHours(1), TOKYO, "JP"))
                    .isEqualTo(Instant.parse("2026-03-04T01:00:00Z"));
        }

        @Test
        void tokyoFridayEveningRollsToMondayMorning() {
            // Friday 17:30 in Tokyo is Friday 08:30 UTC, while the UTC day is still a working day
            Instant start = Instant.parse("2026-03-06T08:30:00Z");
            assertThat(calendar.plus(start, Duration.ofHours(1), TOKYO, "JP"))
                    .isEqualTo(at("2026-03-09T10:00", TOKYO));
        }
    }

    @Nested
    class TargetSizes {

        @Test
        void oneMinute() {
            assertThat(plusInRome("2026-03-04T10:00", "PT1M")).isEqualTo(at("2026-03-04T10:01", ROME));
        }

        @Test
        void severalWeeksSkipWeekendsAndTheRepublicDay() {
            // 160 business hours = 20 working days from Monday 1 June; Tuesday 2 June is a holiday
            assertThat(plusInRome("2026-06-01T09:00", "PT160H")).isEqualTo(at("2026-06-29T17:00", ROME));
        }

        @Test
        void businessHoursClockUsesTheCalendar() {
            assertThat(clock.dueAt(at("2026-03-06T16:30", ROME), Duration.ofHours(8), Availability.BUSINESS_HOURS,
                    ROME, "IT")).isEqualTo(at("2026-03-09T16:30", ROME));
        }
    }

    @Test
    void openingHoursComeFromConfiguration() {
        BusinessHoursProperties saturdayMornings = new BusinessHoursProperties(
                Map.of(java.time.DayOfWeek.SATURDAY, "08:00-12:00"), List.of(), Map.of());
        BusinessCalendar onlySaturdays = new BusinessCalendar(saturdayMornings, new PublicHolidays(saturdayMornings));
        assertThat(onlySaturdays.plus(at("2026-03-04T10:00", ROME), Duration.ofHours(5), ROME, "IT"))
                .isEqualTo(at("2026-03-14T09:00", ROME));
    }
}
