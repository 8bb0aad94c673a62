package io.supporto.sla;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.springframework.stereotype.Component;

/**
 * Public holidays by country from Jollyday (national holidays only: an organization is not
 * assumed to sit in any one region), plus the desk's own closed days from configuration.
 */
@Component
public class PublicHolidays {

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
    private final Set<String> supported = HolidayManager.getSupportedCalendarCodes();
    private final BusinessHoursProperties properties;

    public PublicHolidays(BusinessHoursProperties properties) {
        this.properties = properties;
    }

    public boolean isClosed(LocalDate date, String country) {
        if (properties.closedDays().contains(date)
                || properties.closedDaysByCountry().getOrDefault(country, java.util.List.of()).contains(date)) {
            return true;
        }
        HolidayManager manager = manager(country);
        return manager != null && manager.isHoliday(date, HolidayType.PUBLIC_HOLIDAY);
    }

    private HolidayManager manager(String country) {
        if (country == null) {
            return null;
        }
        // Jollyday lists its calendars in upper case and loads them by lower-case name
        String code = country.toUpperCase(Locale.ROOT);
        if (!supported.contains(code)) {
            return null;
        }
        return managers.computeIfAbsent(code,
                c -> HolidayManager.getInstance(ManagerParameters.create(c.toLowerCase(Locale.ROOT))));
    }
}
