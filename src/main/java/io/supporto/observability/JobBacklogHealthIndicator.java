package io.supporto.observability;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code jobBacklog} health component: how many jobs are due, how many failed for good and
 * how many incidents are open. Informational: it is UP whatever the numbers (a backlog is a
 * reason to look, not to take the node out of service); it is DOWN only when the engine's
 * tables cannot be read.
 */
@Component
public class JobBacklogHealthIndicator extends AbstractHealthIndicator {

    private final EngineBacklog backlog;

    public JobBacklogHealthIndicator(EngineBacklog backlog) {
        super("Job backlog could not be read");
        this.backlog = backlog;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("dueJobs", backlog.dueJobs())
                .withDetail("failedJobs", backlog.failedJobs())
                .withDetail("openIncidents", backlog.openIncidents());
    }
}
