package io.supporto.observability;

import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.supporto.security.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the engine: open user tasks per team ({@code supporto.tasks.open}), jobs with
 * no retries left ({@code supporto.jobs.failed}) and open incidents ({@code supporto.incidents.open}).
 * Each is a count over a runtime table that grows with the open cases (~11 ms for a team's tasks
 * with 10,000 open, on PostgreSQL), so a count is kept for {@code support.metrics.workload-refresh}
 * and scrapes within that time, from one Prometheus or several, read the kept value.
 */
@Component
public class WorkloadGauges implements MeterBinder {

    /** The three teams of the categories, and the managers who handle breaches and low surveys. */
    static final List<String> TEAMS = List.of(Groups.SUPPORT_ENGINEERS, Groups.BILLING_SPECIALISTS,
            Groups.PRESALES_ADVISORS, Groups.SUPPORT_MANAGERS);

    private static final String FAILED_JOBS = "failed jobs";
    private static final String OPEN_INCIDENTS = "open incidents";

    private final LoadingCache<String, Long> counts;

    @Autowired
    public WorkloadGauges(EngineBacklog backlog, MetricsProperties properties) {
        this(backlog, properties, Ticker.systemTicker());
    }

    WorkloadGauges(EngineBacklog backlog, MetricsProperties properties, Ticker ticker) {
        this.counts = Caffeine.newBuilder()
                .expireAfterWrite(properties.workloadRefresh())
                .ticker(ticker)
                .build(key -> switch (key) {
                    case FAILED_JOBS -> backlog.failedJobs();
                    case OPEN_INCIDENTS -> backlog.openIncidents();
                    default -> backlog.openTasks(key);
                });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String team : TEAMS) {
            gauge("supporto.tasks.open", "Open user tasks offered to the team, claimed or not", team)
                    .tag("team", team).register(registry);
        }
        gauge("supporto.jobs.failed", "Jobs that failed with no retries left", FAILED_JOBS)
                .register(registry);
        gauge("supporto.incidents.open", "Open incidents", OPEN_INCIDENTS)
                .register(registry);
    }

    /**
     * A gauge reading the kept count of {@code key}: a team, or one of the two engine-wide counts.
     * Held strongly: Micrometer's default weak reference lets the counts be collected (the gauge
     * then reads NaN) once nothing else holds this binder.
     */
    private Gauge.Builder<LoadingCache<String, Long>> gauge(String name, String description, String key) {
        return Gauge.builder(name, counts, c -> c.get(key)).description(description).strongReference(true);
    }
}
