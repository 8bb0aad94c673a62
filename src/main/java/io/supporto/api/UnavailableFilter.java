package io.supporto.api;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: when the database cannot give a connection in time (overload, or the
 * database is down), any request, including /engine-rest and authentication, is answered 503
 * with a Retry-After instead of a 500; nothing was changed, since no transaction could start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnavailableFilter.class);
    static final String RETRY_AFTER_SECONDS = "5";
    static final String TITLE = "Temporarily unavailable";
    static final String DETAIL = "Supporto is overloaded or its database is unreachable; nothing was changed. Please retry.";
    static final String PROBLEM_JSON = "{\"type\":\"about:blank\",\"title\":\"" + TITLE + "\",\"status\":503,"
            + "\"detail\":\"" + DETAIL + "\"}";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!noConnection(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("No database connection for {} {}: answered 503", request.getMethod(), request.getRequestURI());
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.setContentType("application/problem+json");
            response.getWriter().write(PROBLEM_JSON);
        }
    }

    /**
     * No connection could be had (the pool timed out, the database refused or dropped it): SQLSTATE
     * class 08 is "connection exception". A connection dropped mid-transaction rolled the transaction
     * back; only one dropped in the very moment of its commit leaves unknown whether it committed.
     */
    static boolean noConnection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return true;
            }
            // A transaction whose connection broke is rolled back on that connection, which Hikari
            // has closed by then ("Connection is closed", no SQLSTATE): Spring then throws "JDBC
            // rollback failed" in place of what broke it, which it keeps as the original exception.
            // The database rolled the transaction back itself when the session ended. (Found by
            // cluster.DatabaseRestartTest: an opening in its transaction when PostgreSQL restarted
            // answered 500.)
            if (cause instanceof TransactionSystemException rollback && rollback.getOriginalException() != null
                    && rollback.getOriginalException() != e && noConnection(rollback.getOriginalException())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Class 08, or the session ended by the server: 57P01 admin_shutdown (a restart's fast stop ends
     * every session with it, also in the middle of a statement), 57P02 crash_shutdown, 57P03
     * cannot_connect_now (starting or stopping). Hikari treats the same states as a broken
     * connection. Not the rest of class 57: 57014 is a cancelled statement on a connection that works.
     */
    private static boolean connectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08")
                || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }
}
