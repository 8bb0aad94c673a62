package io.supporto.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One fresh database for one app run (or one raw-limit run): an H2 file database in its own
 * directory under target/bench/work, or a PostgreSQL database {@code supporto_bench_<stamp>_<n>}
 * created and dropped with the configured commands (the supporto role may not create databases).
 */
final class Db implements AutoCloseable {

    enum Kind { H2, POSTGRES }

    private static final AtomicInteger SEQ = new AtomicInteger();

    final Kind kind;
    final String name;
    final String user;
    final String password;
    private final Options options;
    private final Path h2Dir;

    private Db(Kind kind, String name, String user, String password, Options options, Path h2Dir) {
        this.kind = kind;
        this.name = name;
        this.user = user;
        this.password = password;
        this.options = options;
        this.h2Dir = h2Dir;
    }

    static Kind kind(String s) {
        return switch (s) {
            case "h2" -> Kind.H2;
            case "postgres", "pg", "postgresql" -> Kind.POSTGRES;
            default -> throw new IllegalArgumentException("--dbs: h2 or postgres, not " + s);
        };
    }

    static Db create(Kind kind, Options options, String stamp) throws Exception {
        int n = SEQ.incrementAndGet();
        if (kind == Kind.H2) {
            Path dir = options.out().resolve("work").resolve("h2-" + stamp + "-" + n);
            Files.createDirectories(dir);
            return new Db(kind, dir.resolve("supporto").toString(), "supporto", "", options, dir);
        }
        String name = "supporto_bench_" + stamp + "_" + n;
        String user = options.str("pg-user");
        run(options.str("pg-createdb").replace("{user}", user).replace("{db}", name));
        return new Db(kind, name, user, options.str("pg-password"), options, null);
    }

    /** The URL the app (or the raw loop) connects to; through {@code port} when the wire counter relays. */
    String url(int port) {
        if (kind == Kind.H2) {
            return "jdbc:h2:file:" + name + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        // no TLS on loopback (and the wire counter must read the stream): the same for every run
        return "jdbc:postgresql://" + options.str("pg-host") + ":" + port + "/" + name
                + "?sslmode=disable&gssEncMode=disable";
    }

    String url() {
        return url(options.integer("pg-port"));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    /** pg_stat_database of this database: transactions and rows, as PostgreSQL's statistics have them. */
    Map<String, Long> pgStats(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet r = s.executeQuery("select xact_commit, xact_rollback, tup_returned, tup_fetched,"
                    + " tup_inserted, tup_updated, tup_deleted, blks_read, blks_hit from pg_stat_database where datname = current_database()")) {
                r.next();
                for (String col : new String[] {"xact_commit", "xact_rollback", "tup_returned", "tup_fetched",
                        "tup_inserted", "tup_updated", "tup_deleted", "blks_read", "blks_hit"}) {
                    m.put(col, r.getLong(col));
                }
            }
        }
        return m;
    }

    /** Async continuations (mail deliveries) still to run; read directly, not through the app. */
    long pendingMessageJobs(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from act_ru_job where type_ = 'message' and retries_ > 0")) {
            r.next();
            return r.getLong(1);
        }
    }

    long sizeBytes() {
        if (kind == Kind.H2) {
            try (Stream<Path> files = Files.walk(h2Dir)) {
                return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            } catch (IOException e) {
                return -1;
            }
        }
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select pg_database_size(current_database())")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (options.bool("keep-dbs")) {
            return;
        }
        try {
            if (kind == Kind.H2) {
                try (Stream<Path> files = Files.walk(h2Dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            } else {
                run(options.str("pg-dropdb").replace("{user}", user).replace("{db}", name));
            }
        } catch (Exception e) {
            Log.warn("could not remove database " + name + ": " + e.getMessage());
        }
    }

    private static void run(String shell) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", shell).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("`" + shell + "` failed: " + out.trim());
        }
    }
}
