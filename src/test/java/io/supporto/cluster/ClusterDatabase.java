package io.supporto.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A fresh, empty PostgreSQL database for the nodes of one test run, dropped afterwards. A database
 * of its own when the role may create databases; otherwise (as in CI, where the role only owns
 * the given database) a schema of its own in the given database: the nodes then point their
 * connections at it ({@code currentSchema}) and Camunda at it (schema name and table prefix,
 * which Camunda needs to find its tables in that schema only). Either way the nodes' job
 * executors see this run's jobs and nothing else.
 */
final class ClusterDatabase implements AutoCloseable {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;
    private final boolean ownDatabase;
    private final String url;

    private ClusterDatabase(String adminUrl, String user, String password, String name, boolean ownDatabase,
                            String url) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
        this.ownDatabase = ownDatabase;
        this.url = url;
    }

    static ClusterDatabase create(String givenUrl, String user, String password, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(givenUrl, user, password);
             Statement s = c.createStatement()) {
            try {
                s.execute("CREATE DATABASE " + name);
                return new ClusterDatabase(givenUrl, user, password, name, true, withDatabase(givenUrl, name));
            } catch (SQLException e) {
                if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                    throw e;
                }
            }
            s.execute("CREATE SCHEMA " + name);
            String url = givenUrl + (givenUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
            return new ClusterDatabase(givenUrl, user, password, name, false, url);
        }
    }

    /** jdbc:postgresql://host:port/db?params with another database. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    String describe() {
        return (ownDatabase ? "database " : "schema ") + name;
    }

    /** The command-line properties that point a node at this database. */
    List<String> nodeArguments() {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password));
        if (!ownDatabase) {
            args.add("--camunda.bpm.database.schema-name=" + name);
            args.add("--camunda.bpm.database.table-prefix=" + name + ".");
        }
        return args;
    }

    /** A connection of the test's own to the nodes' database. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), r.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    long count(String sql, Object... params) {
        return ((Number) query(sql, params).get(0).values().iterator().next()).longValue();
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute(ownDatabase ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                    : "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
