package io.supporto.observability;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.supporto.security.Groups;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the engine at each scrape: open user tasks per team ({@code supporto.tasks.open}),
 * jobs with no retries left ({@code supporto.jobs.failed}) and open incidents
 * ({@code supporto.incidents.open}).
 */
@Component
public class WorkloadGauges implements MeterBinder {

    /** The three teams of the categories, and the managers who handle breaches and low surveys. */
    static final List<String> TEAMS = List.of(Groups.SUPPORT_ENGINEERS, Groups.BILLING_SPECIALISTS,
            Groups.PRESALES_ADVISORS, Groups.SUPPORT_MANAGERS);

    private final EngineBacklog backlog;

    public WorkloadGauges(EngineBacklog backlog) {
        this.backlog = backlog;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String team : TEAMS) {
            Gauge.builder("supporto.tasks.open", backlog, b -> b.openTasks(team))
                    .description("Open user tasks offered to the team, claimed or not")
                    .tag("team", team)
                    .register(registry);
        }
        Gauge.builder("supporto.jobs.failed", backlog, EngineBacklog::failedJobs)
                .description("Jobs that failed with no retries left")
                .register(registry);
        Gauge.builder("supporto.incidents.open", backlog, EngineBacklog::openIncidents)
                .description("Open incidents")
                .register(registry);
    }
}
