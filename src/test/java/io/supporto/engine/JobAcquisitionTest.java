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
    void theJobTableIsIndexedForDueAndLockedJobs() throws SQLException {
        assertThat(indexedColumns("ACT_RU_JOB")).contains("DUEDATE_", "LOCK_EXP_TIME_");
    }

    @Test
    void postgresqlDoesNotCompileTheEnginesQueries() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"), "PostgreSQL only");
        }
        assertThat(new JdbcTemplate(dataSource).queryForObject("SHOW jit", String.class)).isEqualTo("off");
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
