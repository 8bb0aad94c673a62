package io.supporto.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Nodes of a cluster start one at a time on PostgreSQL. Two nodes starting together on an empty
 * database both create Camunda's schema and one fails (duplicate key in pg_type), and both would
 * create the same groups, admin user and filters. The first node takes a session-level advisory
 * lock before the engine touches the database and keeps it until the application is ready; the
 * others wait for it. A node that dies while starting drops its session, and with it the lock.
 * H2 is single-node and skips this.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin
        implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    /** Any constant shared by all nodes; "Supporto" in ASCII. */
    private static final long KEY = 0x537570706f72746fL;
    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(500);

    private final DataSource dataSource;
    private volatile Connection held;

    public StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            held = connection;
            acquire(connection);
        } catch (SQLException e) {
            release();
            throw new IllegalStateException("Could not take the start-up lock on the database", e);
        }
    }

    private static void acquire(Connection connection) throws SQLException {
        Instant deadline = Instant.now().plus(WAIT);
        boolean told = false;
        while (!tryLock(connection)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Another node has been starting for over " + WAIT
                        + " on this database; giving up (its start-up lock is advisory lock " + KEY + ")");
            }
            if (!told) {
                log.info("Another node is starting on this database; waiting for it to finish");
                told = true;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        release();
    }

    @Override
    public void destroy() {
        release();
    }

    /** Unlocks explicitly: closing a pooled connection keeps its session, and the lock with it. */
    private synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held; Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            log.warn("Could not release the start-up lock; it ends with the connection", e);
        } finally {
            held = null;
        }
    }
}
