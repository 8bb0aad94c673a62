package io.supporto.observability;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code support.metrics.*}: how long the workload gauges (open tasks per team, failed jobs, open
 * incidents) keep a count before a scrape counts again (see {@link WorkloadGauges}). {@code 0s}
 * counts at every scrape.
 */
@Validated
@ConfigurationProperties("support.metrics")
public record MetricsProperties(@DefaultValue("15s") @NotNull Duration workloadRefresh) {
}
