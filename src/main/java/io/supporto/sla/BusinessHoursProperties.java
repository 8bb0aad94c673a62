package io.supporto.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The desk's business hours, under {@code support.business-hours}: opening times per weekday
 * ("09:00-17:00"; a day not listed is closed) in each organization's own time zone, plus days
 * closed on top of the public holidays of the organization's country.
 */
@ConfigurationProperties("support.business-hours")
public record BusinessHoursProperties(
        Map<DayOfWeek, String> openingHours,
        List<LocalDate> closedDays,
        Map<String, List<LocalDate>> closedDaysByCountry) {

    private static final String DEFAULT_HOURS = "09:00-17:00";

    public BusinessHoursProperties {
        if (openingHours == null || openingHours.isEmpty()) {
            openingHours = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                openingHours.put(day, DEFAULT_HOURS);
            }
        }
        closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
        closedDaysByCountry = closedDaysByCountry == null ? Map.of() : Map.copyOf(closedDaysByCountry);
    }

    /** Opening hours by weekday, parsed and checked. */
    public Map<DayOfWeek, OpeningHours> parsedOpeningHours() {
        Map<DayOfWeek, OpeningHours> parsed = new EnumMap<>(DayOfWeek.class);
        openingHours.forEach((day, text) -> parsed.put(day, OpeningHours.parse(day, text)));
        return parsed;
    }

    /** One day's opening, e.g. 09:00 to 17:00; the close time is exclusive. */
    public record OpeningHours(LocalTime opens, LocalTime closes) {

        public OpeningHours {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("Opening hours must open before they close: " + opens + "-" + closes);
            }
        }

        static OpeningHours parse(DayOfWeek day, String text) {
            String[] parts = text.trim().split("\\s*-\\s*");
            if (parts.length != 2) {
                throw new IllegalArgumentException("support.business-hours.opening-hours." + day
                        + " must look like 09:00-17:00, not '" + text + "'");
            }
            return new OpeningHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        }
    }
}
