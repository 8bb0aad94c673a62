package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Without a database connection a request is a 503 with Retry-After, never a 500. */
class UnavailableFilterTest {

    final UnavailableFilter filter = new UnavailableFilter();

    @Test
    void noConnectionIsA503ProblemWithRetryAfter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/engine-rest/task/1/complete"), response, (req, res) -> {
            throw new ServletException(new ProcessEngineException("closing command context",
                    new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                            new SQLTransientConnectionException("Connection is not available, request timed out"))));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503", "nothing was changed");
    }

    @Test
    void aConnectionTheDatabaseDroppedIsNoConnectionToo() {
        // what the engine throws when PostgreSQL restarts under a pooled connection (SQLSTATE 08006)
        assertThat(UnavailableFilter.noConnection(new ProcessEngineException("An exception occurred in the persistence layer",
                new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(UnavailableFilter.noConnection(new ProcessEngineException("constraint",
                new java.sql.SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    }

    @Test
    void aSessionThePostgresRestartEndedIsNoConnection() {
        // a fast stop ends every session, also one in the middle of a statement, with 57P01
        assertThat(UnavailableFilter.noConnection(new DataAccessResourceFailureException("INSERT INTO support_case",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
        // a cancelled statement (statement timeout) is not a lost connection
        assertThat(UnavailableFilter.noConnection(new DataAccessResourceFailureException("SELECT",
                new SQLException("canceling statement due to statement timeout", "57014")))).isFalse();
    }

    @Test
    void aRollbackThatFailedOnTheBrokenConnectionIsJudgedByWhatBrokeIt() {
        // Hikari closes a broken connection, so Spring's rollback on it fails and replaces the exception
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("INSERT INTO support_case",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertThat(UnavailableFilter.noConnection(rollbackFailed)).isTrue();

        TransactionSystemException afterABug = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        afterABug.initApplicationException(new IllegalStateException("a bug"));
        assertThat(UnavailableFilter.noConnection(afterABug)).isFalse();
    }

    @Test
    void otherFailuresAreLeftAlone() {
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/cases"),
                new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }
}
