package io.supporto.engine;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code support.job-executor.*}: how long a stopping node waits for its running jobs to finish
 * before it exits (see {@link JobExecutorShutdown}). It should outlast the longest job, a mail
 * delivery against a hanging SMTP server (the {@code spring.mail} time-outs, ~25 s).
 */
@Validated
@ConfigurationProperties("support.job-executor")
public record JobExecutorProperties(@DefaultValue("30s") @NotNull Duration shutdownGrace) {
}
