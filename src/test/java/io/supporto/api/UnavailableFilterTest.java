package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

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
    void otherFailuresAreLeftAlone() {
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/cases"),
                new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }
}
