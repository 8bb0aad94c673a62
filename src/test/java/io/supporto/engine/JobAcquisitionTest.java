package io.supporto.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.supporto.testsupport.SupportoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Job acquisition stays an indexed query however many timers wait (V5 migration), and
 * PostgreSQL does not JIT-compile it (PostgresSessionSettings).
 */
@SupportoTest
class JobAcquisitionTest {

    @Autowired DataSource dataSource;

    @Test
    void theJobTableIsIndexedForDueAndLockedJobsAndInAcquisitionOrder() throws SQLException {
        assertThat(indexedColumns("ACT_RU_JOB")).contains("DUEDATE_", "LOCK_EXP_TIME_", "PRIORITY_");
    }

    /** The acquisition query as Camunda sends it with our ordering (priority, then due date). */
    static final String ACQUISITION = """
            select RES.ID_ from ACT_RU_JOB RES
            where (RES.RETRIES_ > 0) and (RES.DUEDATE_ <= now())
              and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now()) and RES.SUSPENSION_STATE_ = 1
              and ((RES.EXCLUSIVE_ = true and not exists (select J2.ID_ from ACT_RU_JOB J2
                    where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)
                      and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= now())))
                   or RES.EXCLUSIVE_ = false)
            order by RES.PRIORITY_ desc, RES.DUEDATE_ asc
            limit 5""";

    @Test
    void postgresqlTakesDueJobsInOrderWithoutSortingThemAll() throws SQLException {
        assumePostgresql();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // Whether an index gives the acquisition its order. On the few rows of this test database
        // the planner may rightly sort them instead (it did, in one run of two); on a big job table,
        // sorting every due job is the cost V6 removes. Camunda's own indexes cannot give this
        // order, so without V6 the plan sorts even with sorting discouraged.
        String plan = jdbc.execute((Connection c) -> {
            try (var statement = c.createStatement()) {
                statement.execute("set enable_seqscan = off");
                statement.execute("set enable_sort = off");
                // the pooled connection goes back to other tests: reset whatever happens
                try (ResultSet rs = statement.executeQuery("explain " + ACQUISITION)) {
                    StringBuilder lines = new StringBuilder();
                    while (rs.next()) {
                        lines.append(rs.getString(1)).append('\n');
                    }
                    return lines.toString();
                } finally {
                    statement.execute("reset enable_seqscan");
                    statement.execute("reset enable_sort");
                }
            }
        });
        assertThat(plan).contains("supporto_idx_job_priority_due").doesNotContain("Sort");
    }

    @Test
    void postgresqlDoesNotCompileTheEnginesQueries() throws SQLException {
        assumePostgresql();
        assertThat(new JdbcTemplate(dataSource).queryForObject("SHOW jit", String.class)).isEqualTo("off");
    }

    private void assumePostgresql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"), "PostgreSQL only");
        }
    }

    private List<String> indexedColumns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            // PostgreSQL keeps unquoted names in lower case, H2 in upper case
            String name = meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
            try (ResultSet rs = meta.getIndexInfo(null, null, name, false, false)) {
                while (rs.next()) {
                    if (rs.getShort("ORDINAL_POSITION") == 1 && rs.getString("COLUMN_NAME") != null) {
                        columns.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return columns;
    }
}
