package io.supporto.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets a test take the database away: while an outage is on, the pool refuses connections (as
 * Hikari does when it times out) to callers below one class, so that authentication still works
 * and the failure hits the code under test. Part of the shared test context (a second context
 * would start a second engine named "default", which Camunda's REST filters would mix up).
 */
public class DatabaseOutage implements BeanPostProcessor {

    private volatile String below;

    /** Refuses connections asked for anywhere below classes whose name starts with this prefix. */
    public void beginBelow(String classNamePrefix) {
        below = classNamePrefix;
    }

    public void end() {
        below = null;
    }

    boolean refuses() {
        String prefix = below;
        return prefix != null && StackWalker.getInstance()
                .walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith(prefix)));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof RefusingDataSource)) {
            return new RefusingDataSource(dataSource, this);
        }
        return bean;
    }

    static final class RefusingDataSource extends DelegatingDataSource {

        private final DatabaseOutage outage;

        RefusingDataSource(DataSource target, DatabaseOutage outage) {
            super(target);
            this.outage = outage;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (outage.refuses()) {
                throw new SQLTransientConnectionException("Connection is not available, request timed out after 250ms");
            }
            return super.getConnection();
        }
    }
}
