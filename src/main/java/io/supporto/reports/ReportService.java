package io.supporto.reports;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.supporto.cases.Category;
import io.supporto.organizations.Plan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reports over Supporto's own tables: plain queries, nothing asked of the engine. */
@Service
public class ReportService {

    private final JdbcClient jdbc;

    public ReportService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record CaseFacts(String plan, String severity, Instant openedAt, Instant clockStartedAt,
                             Instant firstRespondedAt, boolean breached) {

        Double minutesToFirstResponse() {
            return clockStartedAt == null || firstRespondedAt == null ? null
                    : Duration.between(clockStartedAt, firstRespondedAt).toSeconds() / 60.0;
        }
    }

    @Transactional(readOnly = true)
    public SlaReport sla(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<CaseFacts> facts = jdbc.sql("""
                SELECT plan, severity, opened_at, clock_started_at, first_responded_at, sla_breached
                  FROM support_case
                 WHERE opened_at >= ? AND opened_at < ? AND severity IS NOT NULL""")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query((rs, n) -> new CaseFacts(rs.getString("plan"), rs.getString("severity"),
                        rs.getTimestamp("opened_at").toInstant(), instant(rs.getTimestamp("clock_started_at")),
                        instant(rs.getTimestamp("first_responded_at")), rs.getBoolean("sla_breached")))
                .list();

        Map<String, List<CaseFacts>> byGroup = facts.stream().collect(Collectors.groupingBy(
                f -> Plan.valueOf(f.plan()).family().name() + "|" + f.severity(), TreeMap::new, Collectors.toList()));
        List<SlaReport.Row> rows = new ArrayList<>();
        byGroup.forEach((key, group) -> {
            String[] parts = key.split("\\|");
            List<Double> times = times(group);
            rows.add(new SlaReport.Row(parts[0], parts[1], group.size(), times.size(),
                    group.stream().filter(CaseFacts::breached).count(), percentile(times, 50), percentile(times, 90)));
        });

        Map<LocalDate, List<CaseFacts>> byWeek = facts.stream().collect(Collectors.groupingBy(
                f -> f.openedAt().atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                TreeMap::new, Collectors.toList()));
        List<SlaReport.Week> weeks = new ArrayList<>();
        byWeek.forEach((week, group) -> {
            List<Double> times = times(group);
            weeks.add(new SlaReport.Week(week, times.size(), percentile(times, 50), percentile(times, 90)));
        });

        Map<String, String> teamOf = java.util.Arrays.stream(Category.values())
                .collect(Collectors.toMap(Category::name, Category::team));
        List<SlaReport.OpenCount> open = jdbc.sql("""
                SELECT status, category, COUNT(*) AS n FROM support_case
                 WHERE status IN ('SELF_SERVICE', 'ENGAGED', 'WAITING_ON_CUSTOMER', 'CLOSED')
                 GROUP BY status, category""")
                .query((rs, n) -> new SlaReport.OpenCount(rs.getString("status"), teamOf.get(rs.getString("category")),
                        rs.getLong("n")))
                .list().stream()
                .sorted(Comparator.comparing(SlaReport.OpenCount::status).thenComparing(SlaReport.OpenCount::team))
                .toList();

        Map<Integer, Long> scores = new TreeMap<>();
        for (int rating = 1; rating <= 5; rating++) {
            scores.put(rating, 0L);
        }
        jdbc.sql("""
                SELECT s.rating, COUNT(*) AS n FROM case_survey s JOIN support_case c ON c.case_number = s.case_number
                 WHERE s.status = 'ANSWERED' AND c.opened_at >= ? AND c.opened_at < ? GROUP BY s.rating""")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query((rs, n) -> Map.entry(rs.getInt("rating"), rs.getLong("n")))
                .list().forEach(e -> scores.put(e.getKey(), e.getValue()));

        return new SlaReport(from, to, rows, weeks, open, scores);
    }

    private static List<Double> times(List<CaseFacts> group) {
        return group.stream().map(CaseFacts::minutesToFirstResponse).filter(java.util.Objects::nonNull).sorted().toList();
    }

    /** Nearest-rank percentile of sorted values; null when there are none. */
    static Double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

}
