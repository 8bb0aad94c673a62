package io.supporto.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What "stock Camunda settings" means in this benchmark: command-line properties that put back the
 * defaults of the Camunda Spring Boot starter 7.24 (and of the engine where the starter leaves a
 * value unset), plus Spring Boot's own defaults for the two pools in front of the engine. Command-line
 * properties win over application.yaml and every profile, so whatever the app tunes in these keys is
 * undone; a tuning the app makes elsewhere (Java configuration, an engine plugin) is not, and must be
 * added here when it appears. The values were read from the 7.24 jars
 * (JobExecutionProperty, CamundaBpmProperties, engine JobExecutor) and are written to results.json.
 */
final class StockSettings {

    private StockSettings() {
    }

    static List<String> args(boolean authorizationOff) {
        List<String> a = new ArrayList<>(List.of(
                // starter: JobExecutionProperty defaults
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.deployment-aware=false",
                "--camunda.bpm.job-execution.core-pool-size=3",
                "--camunda.bpm.job-execution.max-pool-size=10",
                "--camunda.bpm.job-execution.queue-capacity=3",
                // engine: JobExecutor defaults (the starter passes null through)
                "--camunda.bpm.job-execution.lock-time-in-millis=300000",
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
                "--camunda.bpm.job-execution.wait-time-in-millis=5000",
                "--camunda.bpm.job-execution.max-wait=60000",
                "--camunda.bpm.job-execution.backoff-time-in-millis=0",
                "--camunda.bpm.job-execution.max-backoff=0",
                "--camunda.bpm.job-execution.backoff-decrease-threshold=100",
                "--camunda.bpm.job-execution.wait-increase-factor=2",
                // starter: history level "full" (the engine alone would use "audit")
                "--camunda.bpm.history-level=full",
                "--camunda.bpm.id-generator=strong",
                // engine defaults of the generic properties that matter for throughput
                "--camunda.bpm.generic-properties.properties.jdbc-batch-processing=true",
                "--camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date=false",
                "--camunda.bpm.generic-properties.properties.job-executor-acquire-by-priority=false",
                "--camunda.bpm.generic-properties.properties.job-executor-prefer-timer-jobs=false",
                "--camunda.bpm.generic-properties.properties.ensure-job-due-date-not-null=false",
                "--camunda.bpm.generic-properties.properties.db-metrics-reporter-activate=true",
                "--camunda.bpm.generic-properties.properties.history-cleanup-enabled=true",
                // Spring Boot defaults of the connection pool and the web server threads
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--spring.datasource.hikari.minimum-idle=10",
                "--server.tomcat.threads.max=200",
                "--server.tomcat.threads.min-spare=10",
                // the app's own engine plugin: decision tables on Camunda's FEEL integration as shipped
                "--support.engine.feel-parse-once=false",
                // Camunda's own schema: without the app's job-acquisition indexes (migrations V5 and V6), and
                // PostgreSQL's JIT as configured on the server
                "--spring.flyway.target=4",
                "--support.engine.postgres-jit-off=false",
                // Camunda's REST filter and the Case API check the password, groups and tenants on every request
                "--support.security.credentials-cache-ttl=0s"));
        if (authorizationOff) {
            // the starter's default; off changes the security model, so only on request
            a.add("--camunda.bpm.authorization.enabled=false");
        }
        return a;
    }
}
