package io.supporto.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our migrations run after Camunda has created (or updated) its tables, because some of them
 * index Camunda's tables (V5: job acquisition). Without this the order of the two start-up steps
 * is whatever order Spring happens to create the beans in.
 */
@Configuration(proxyBeanMethods = false)
class EngineBeforeFlyway {

    @Bean
    FlywayMigrationStrategy migrateAfterEngineSchema(ProcessEngine engine) {
        return flyway -> flyway.migrate();
    }
}
