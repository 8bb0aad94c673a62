package io.supporto.bench;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Supporto benchmark driver (docs/benchmarks.md; run it with bench/run.sh). For each repetition,
 * database and scenario it runs the configurations side by side ("app" as shipped, then "stock"
 * Camunda settings), each on a fresh database and a fresh start of the app jar, and writes the rows,
 * medians and charts under target/bench after every scenario run.
 */
public final class Bench {

    private static final List<String> ORDER = List.of("rawdb", "intake", "lifecycle", "storm", "sparse", "memory");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.usage());
            System.exit(2);
            return;
        }
        if (o.help()) {
            System.out.println(Options.usage());
            return;
        }
        Path out = o.out();
        Files.createDirectories(out.resolve("work"));
        Log.open(out.resolve("bench.log"));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        List<String> scenarios = o.list("scenarios");
        for (String s : scenarios) {
            if (!ORDER.contains(s)) {
                throw new IllegalArgumentException("--scenarios: one of " + ORDER + ", not " + s);
            }
        }
        Path jar = copyJar(o, out, stamp);
        Results results = new Results();
        results.settings.putAll(o.asMap());
        results.settings.put("stockSettings", StockSettings.args(o.bool("stock-authorization-off")));
        environment(results.environment, o, jar);
        Log.info("Supporto benchmark, scale " + o.scale + ", scenarios " + scenarios + ", dbs " + o.list("dbs")
                + ", configs " + o.list("configs") + ", " + o.integer("repeats") + " repetition(s); results in " + out);
        if (o.scale.equals("smoke")) {
            Log.info("smoke scale: proves the driver works; its figures are not measurements");
        }
        int failures = 0;
        for (int rep = 1; rep <= o.integer("repeats"); rep++) {
            Map<String, Double> shared = Ctx.newShared();
            for (String dbName : o.list("dbs")) {
                Db.Kind kind = Db.kind(dbName);
                for (String scenario : ORDER) {
                    if (!scenarios.contains(scenario)) {
                        continue;
                    }
                    List<String> configs = scenario.equals("rawdb") ? List.of("raw") : o.list("configs");
                    for (String config : configs) {
                        Ctx ctx = new Ctx(o, results, jar, stamp, rep, kind, config, shared);
                        Log.info("== repetition " + rep + ", " + ctx.db + ", " + scenario + ", " + config
                                + " (load average " + Ctx.loadavg() + ")");
                        try {
                            switch (scenario) {
                                case "rawdb" -> RawDb.run(ctx);
                                case "intake" -> Intake.run(ctx);
                                case "lifecycle" -> Lifecycle.run(ctx);
                                case "storm" -> {
                                    for (String phase : o.list("storm-phases")) {
                                        Storm.run(ctx, phase);
                                    }
                                }
                                case "sparse" -> Storm.sparse(ctx);
                                case "memory" -> Memory.run(ctx);
                                default -> throw new IllegalStateException(scenario);
                            }
                        } catch (Exception e) {
                            failures++;
                            Log.warn(scenario + " failed: " + e);
                            e.printStackTrace();
                            Map<String, Object> f = ctx.detail(scenario + "-failed");
                            f.put("error", e.toString());
                        }
                        results.write(out);
                    }
                }
            }
        }
        Files.deleteIfExists(jar);
        results.environment.put("finishedAt", Instant.now().toString());
        results.environment.put("loadavgAtEnd", Ctx.loadavg());
        results.write(out);
        Charts.write(out, results, o.scale);
        Log.info("done: " + out.resolve("summary.md") + ", results.json, results.csv, summary.csv, *.png"
                + (failures > 0 ? "; " + failures + " scenario run(s) FAILED (see bench.log)" : ""));
        System.exit(failures > 0 ? 1 : 0);
    }

    /** The jar under test, copied so a rebuild during a long run cannot change it underneath. */
    private static Path copyJar(Options o, Path out, String stamp) throws Exception {
        Path jar;
        if (!o.str("jar").isBlank()) {
            jar = Path.of(o.str("jar"));
        } else {
            jar = null;
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("target"), "supporto-*.jar")) {
                for (Path p : ds) {
                    jar = p;
                }
            }
            if (jar == null) {
                throw new IllegalStateException("no target/supporto-*.jar: build it with mvn -q package -DskipTests");
            }
        }
        Path copy = out.resolve("work").resolve("supporto-" + stamp + ".jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    private static void environment(Map<String, Object> env, Options o, Path jar) {
        env.put("startedAt", Instant.now().toString());
        env.put("scale", o.scale);
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("cpuModel", firstLine("/proc/cpuinfo", "model name"));
        env.put("memTotal", firstLine("/proc/meminfo", "MemTotal"));
        env.put("loadavgAtStart", Ctx.loadavg());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("driverMaxHeapMb", Runtime.getRuntime().maxMemory() / 1048576);
        env.put("appJvmOpts", o.words("app-jvm-opts"));
        env.put("jar", jar.getFileName().toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar));
            env.put("jarSha256", HexFormat.of().formatHex(digest));
        } catch (Exception e) {
            env.put("jarSha256", "?");
        }
        env.put("gitCommit", command("git", "rev-parse", "HEAD"));
        String status = command("git", "status", "--porcelain", "--untracked-files=no");
        env.put("gitDirty", status.equals("?") ? "?" : !status.isBlank());
        if (o.list("dbs").contains("postgres")) {
            try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://" + o.str("pg-host") + ":"
                    + o.str("pg-port") + "/postgres?sslmode=disable", o.str("pg-user"), o.str("pg-password"));
                 Statement s = c.createStatement()) {
                Map<String, String> pg = new LinkedHashMap<>();
                for (String q : new String[] {"server_version", "shared_buffers", "synchronous_commit", "fsync",
                        "max_connections", "wal_level", "shared_preload_libraries"}) {
                    try (ResultSet r = s.executeQuery("show " + q)) {
                        r.next();
                        pg.put(q, r.getString(1));
                    } catch (Exception e) {
                        pg.put(q, "? (" + e.getMessage() + ")");
                    }
                }
                env.put("postgres", pg);
            } catch (Exception e) {
                env.put("postgres", "not reachable: " + e.getMessage());
            }
        }
    }

    private static String firstLine(String file, String prefix) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(prefix)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "?";
    }

    private static String command(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? s : "?";
        } catch (Exception e) {
            return "?";
        }
    }
}
