package io.supporto.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The SLA report of the cases opened between {@code from} and {@code to} (UTC days, inclusive).
 * {@code rows} is the contract's part; the rest feeds the dashboard's other charts.
 */
public record SlaReport(
        LocalDate from,
        LocalDate to,
        List<Row> rows,
        List<Week> weeks,
        List<OpenCount> openCases,
        Map<Integer, Long> surveyScores) {

    /** Per plan family and severity; times to first response in minutes. */
    public record Row(String planFamily, String severity, long cases, long responded, long breached,
                      Double medianMinutesToFirstResponse, Double p90MinutesToFirstResponse) {
    }

    /** Time to first response of the cases opened in a week starting on Monday. */
    public record Week(LocalDate weekStart, long responded, Double medianMinutesToFirstResponse,
                       Double p90MinutesToFirstResponse) {
    }

    /** Cases not yet closed, now, by status and team. */
    public record OpenCount(String status, String team, long cases) {
    }
}
