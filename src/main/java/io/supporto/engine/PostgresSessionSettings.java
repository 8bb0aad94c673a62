package io.supporto.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Turns PostgreSQL's JIT compiler off for the app's connections. The engine's queries are short;
 * JIT pays off for long analytic queries only, but PostgreSQL decides by the planner's cost
 * estimate, and Camunda's job acquisition has a high estimate whenever many jobs are due (its
 * per-row check for locked jobs of the same case): with 10,000 due timers JIT spent 14 ms
 * compiling a 4 ms query, on every poll (docs/benchmarks.md, job acquisition).
 * An {@code options} setting in the database URL wins over this one;
 * {@code support.engine.postgres-jit-off=false} leaves PostgreSQL's default, as the benchmark's
 * "stock" run does.
 */
@Component
@ConditionalOnProperty(name = "support.engine.postgres-jit-off", havingValue = "true", matchIfMissing = true)
class PostgresSessionSettings implements BeanPostProcessor, Ordered {

    private static final String OPTIONS = "-c jit=off";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !pool.getDataSourceProperties().containsKey("options")) {
            pool.addDataSourceProperty("options", OPTIONS);
        }
        return bean;
    }

    /** Before anything wraps the pool, and before its first connection. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
