package io.supporto.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One start of the app under test: {@code java -jar} of the jar copied at the start of the run, on a
 * given database and configuration ("app" = as shipped, "stock" = {@link StockSettings}), on free ports,
 * with the driver's SMTP sink as its mail server. Users and organizations are created through the
 * app's own APIs as the admin (no demo profile: its embedded GreenMail would keep every mail in the
 * app's heap). Also reads what the scenarios measure from outside: RSS, CPU time, heap after GC,
 * job backlog, breach counter.
 */
final class App implements AutoCloseable {

    /**
     * Meet Camunda's password policy (the app runs without the demo profile, so the policy is on):
     * 10+ characters of every kind, and none of the user's id or names in it.
     */
    static final String PASSWORD = "Tq9!Lw-Vz4#Kp";
    static final String ADMIN_PASSWORD = "Rz8#Nq-Wy5!Hd";

    final Http.User admin;
    final Http.User anna;
    final Http.User ben;
    final Http.User erin;

    final String label;
    final Db db;
    final String config;
    final Process process;
    final long pid;
    final Http http;
    final double startupSeconds;
    double readySeconds;
    double usersReadySeconds;
    final List<String> appArgs;
    private final SmtpSink smtp;
    final PgWireCounter wire;
    private final Path logFile;
    private final boolean demo;

    private App(String label, Db db, String config, Process process, Http http, double startupSeconds,
                List<String> appArgs, SmtpSink smtp, PgWireCounter wire, Path logFile, boolean demo) {
        this.label = label;
        this.db = db;
        this.config = config;
        this.process = process;
        this.pid = process.pid();
        this.http = http;
        this.startupSeconds = startupSeconds;
        this.appArgs = appArgs;
        this.smtp = smtp;
        this.wire = wire;
        this.logFile = logFile;
        this.demo = demo;
        String pw = demo ? "demo" : PASSWORD;
        this.admin = new Http.User("admin", demo ? "demo" : ADMIN_PASSWORD);
        this.anna = new Http.User("anna", pw);
        this.ben = new Http.User("ben", pw);
        this.erin = new Http.User("erin", pw);
    }

    static App start(Options o, Path jar, Db db, String config, String label, boolean countWire) throws Exception {
        boolean demo = o.list("app-profiles").contains("demo");
        SmtpSink smtp = demo ? null : new SmtpSink();
        PgWireCounter wire = null;
        String url = db.url();
        if (countWire) {
            if (db.kind != Db.Kind.POSTGRES) {
                throw new IllegalArgumentException("round trips are counted on PostgreSQL only");
            }
            wire = new PgWireCounter(o.str("pg-host"), o.integer("pg-port"));
            url = db.url(wire.port());
        }
        int port = freePort();
        List<String> args = new ArrayList<>();
        if (!o.str("app-profiles").isBlank()) {
            args.add("--spring.profiles.active=" + o.str("app-profiles"));
        }
        args.add("--server.port=" + port);
        args.add("--spring.mail.host=127.0.0.1");
        args.add("--spring.mail.port=" + (demo ? freePort() : smtp.port()));
        args.add("--spring.datasource.url=" + url);
        args.add("--spring.datasource.username=" + db.user);
        args.add("--spring.datasource.password=" + db.password);
        // observation only: /actuator/health/readiness turns UP once the app's start-up runners are done
        args.add("--management.endpoint.health.probes.enabled=true");
        if (config.equals("stock")) {
            args.addAll(StockSettings.args(o.bool("stock-authorization-off")));
        } else if (!config.equals("app")) {
            throw new IllegalArgumentException("--configs: app or stock, not " + config);
        }
        args.addAll(o.words("app-args"));

        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(o.words("app-jvm-opts"));
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);

        Path logs = o.out().resolve("logs");
        Files.createDirectories(logs);
        Path logFile = logs.resolve(label + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SUPPORTO_") || k.startsWith("SPRING_")
                || k.startsWith("CAMUNDA_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        if (!demo) {
            pb.environment().put("SUPPORTO_ADMIN_PASSWORD", ADMIN_PASSWORD);
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            pb.environment().put("SUPPORTO_LINKS_SECRET", java.util.Base64.getEncoder().encodeToString(key));
        }
        Http http = new Http("http://127.0.0.1:" + port, Duration.ofSeconds(o.integer("request-timeout-seconds")));
        Log.info("start " + label + " (" + db.kind + " " + db.name + ", " + config + ") on port " + port);
        long t0 = System.nanoTime();
        Process process = pb.start();
        double startup;
        double ready;
        try {
            startup = waitUp(process, http, "/actuator/health", t0, o.integer("startup-timeout-seconds"), logFile);
            ready = waitUp(process, http, "/actuator/health/readiness", t0, o.integer("startup-timeout-seconds"), logFile);
        } catch (Exception e) {
            process.destroyForcibly();
            http.close();
            if (smtp != null) {
                smtp.close();
            }
            if (wire != null) {
                wire.close();
            }
            throw e;
        }
        App app = new App(label, db, config, process, http, startup, redact(args), smtp, wire, logFile, demo);
        app.readySeconds = ready;
        try {
            app.provision();
        } catch (Exception e) {
            // stop the process, or it keeps the database open and outlives the driver
            app.close();
            throw e;
        }
        app.usersReadySeconds = (System.nanoTime() - t0) / 1e9;
        Log.info(String.format("  %s up: health UP after %.1f s, ready after %.1f s, users after %.1f s (pid %d)",
                label, startup, ready, app.usersReadySeconds, app.pid));
        return app;
    }

    private static List<String> redact(List<String> args) {
        return args.stream().map(a -> a.startsWith("--spring.datasource.password=")
                ? "--spring.datasource.password=***" : a).toList();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Process start until {@code path} answers UP (anonymous: status only). */
    private static double waitUp(Process p, Http http, String path, long t0, int timeoutSeconds, Path log) throws Exception {
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the app exited with " + p.exitValue() + " during start-up:\n" + tail(log));
            }
            try {
                Http.Resp r = http.get(null, path);
                if (r.status() == 200 && r.body().contains("\"UP\"")) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IllegalStateException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(path + " was not UP after " + timeoutSeconds + " s:\n" + tail(log));
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Organizations contoso (Business Standard) and fabrikam (Enterprise), users anna, ben, erin, max. */
    private void provision() throws InterruptedException {
        // the engine's admin user and the groups are created by application runners right after start
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (groups() < 8) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("admin cannot use /engine-rest:\n" + tail(logFile));
            }
            Thread.sleep(200);
        }
        if (!demo) {
            organization("contoso", "Contoso S.p.A.", "BUSINESS_STANDARD", "IT", "Europe/Rome", "it", "it-admin@contoso.example");
            organization("fabrikam", "Fabrikam Inc.", "ENTERPRISE", "US", "America/New_York", "en", "admins@fabrikam.example");
            user("anna", "Anna", "Rossi", "anna@contoso.example", "customer-admins", "contoso");
            user("ben", "Ben", "Miller", "ben@fabrikam.example", "customer-admins", "fabrikam");
            user("erin", "Erin", "Engineer", "erin@supporto.example", "support-engineers", null);
            user("max", "Max", "Manager", "max@supporto.example", "support-managers", null);
        }
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (status(anna, "/api/cases?organization=contoso") != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("anna cannot use the Case API:\n" + tail(logFile));
            }
            Thread.sleep(200);
        }
    }

    /**
     * The groups the engine knows, -1 while it cannot say: a request that times out counts as "not yet"
     * (stock settings, restarted with a mail backlog, give every connection to the job executor for a while).
     */
    private long groups() {
        return count("/engine-rest/group/count");
    }

    private int status(Http.User user, String path) {
        try {
            return http.get(user, path).status();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void organization(String id, String name, String plan, String country, String zone, String language,
                              String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("plan", plan);
        body.put("elevatedSupport", false);
        body.put("country", country);
        body.put("timeZone", zone);
        body.put("language", language);
        body.put("adminEmails", List.of(email));
        http.put(admin, "/api/organizations/" + id, body).expect(200, 201);
    }

    private void user(String id, String first, String last, String email, String group, String tenant) {
        if (http.get(admin, "/engine-rest/user/" + id + "/profile").status() != 200) {
            http.post(admin, "/engine-rest/user/create", Map.of(
                    "profile", Map.of("id", id, "firstName", first, "lastName", last, "email", email),
                    "credentials", Map.of("password", PASSWORD))).expect(204);
            http.put(admin, "/engine-rest/group/" + group + "/members/" + id, null).expect(204);
            if (tenant != null) {
                http.put(admin, "/engine-rest/tenant/" + tenant + "/user-members/" + id, null).expect(204);
            }
        }
    }

    // ---- what is measured from outside ----

    /** How long the RSS may keep falling after a full GC before it is read anyway. */
    static final int RSS_SETTLE_CAP_SECONDS = 15;

    long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // process gone
        }
        return -1;
    }

    /** User + system CPU seconds of the app process so far (/proc/pid/stat, clock ticks of 1/100 s). */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is f[0]; utime and stime are fields 14 and 15 of the whole line
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return -1;
        }
    }

    String jcmd(String command) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(120, TimeUnit.SECONDS);
            return out;
        } catch (Exception e) {
            return "jcmd failed: " + e;
        }
    }

    /**
     * A full GC (jcmd GC.run), then the RSS once it has stopped falling, and the heap in use as the
     * app's own metrics report it. G1 gives the heap it shrank back to the system concurrently,
     * after GC.run has returned: read at once, the RSS still counted it (1,388 MB, then 721 MB a
     * second later, for the same process on H2; docs/benchmarks.md).
     */
    Map<String, Object> memoryAfterGc() throws InterruptedException {
        Map<String, Object> m = new LinkedHashMap<>();
        jcmd("GC.run");
        long atOnce = rssKb();
        long settled = atOnce;
        for (int second = 0; second < RSS_SETTLE_CAP_SECONDS; second++) {
            Thread.sleep(1000);
            long now = rssKb();
            if (now > settled - 1024) {
                break;
            }
            settled = now;
        }
        m.put("rssKb", settled);
        m.put("rssRightAfterGcKb", atOnce);
        m.put("heapUsedBytes", metric("jvm.memory.used", "area:heap"));
        m.put("heapCommittedBytes", metric("jvm.memory.committed", "area:heap"));
        m.put("nonHeapUsedBytes", metric("jvm.memory.used", "area:nonheap"));
        m.put("heapInfo", jcmd("GC.heap_info").trim());
        return m;
    }

    double metric(String name, String tag) {
        Http.Resp r = http.get(admin, "/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag));
        if (!r.ok()) {
            return -1;
        }
        return r.json().path("measurements").path(0).path("value").asDouble(-1);
    }

    /** Jobs due now with retries left (the app's jobBacklog health detail): -1 if unknown. */
    long dueJobs() {
        try {
            JsonNode h = http.get(admin, "/actuator/health").json();
            return h.path("components").path("jobBacklog").path("details").path("dueJobs").asLong(-1);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Waits until no job is due (deliveries drained), at most {@code timeout}; the seconds it took, or -1. */
    double awaitNoDueJobs(Duration timeout) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (dueJobs() == 0) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Thread.sleep(500);
        }
        return -1;
    }

    /**
     * supporto_sla_breaches_total over all labels, as Prometheus scrapes it; -1 if the app did not
     * answer (an overloaded stock app times out here: the sample is missing, the run goes on).
     */
    long breaches() {
        Http.Resp r;
        try {
            r = http.getText(admin, "/actuator/prometheus");
        } catch (RuntimeException e) {
            return -1;
        }
        if (!r.ok()) {
            return -1;
        }
        double sum = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("supporto_sla_breaches_total")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(sum);
    }

    long successfulJobLogCount() {
        return count("/engine-rest/history/job-log/count?successLog=true");
    }

    /** An /engine-rest count as admin; -1 if the app did not answer or answered with an error. */
    private long count(String path) {
        try {
            Http.Resp r = http.get(admin, path);
            return r.ok() ? r.json().path("count").asLong(-1) : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    long mailsDelivered() {
        return smtp == null ? -1 : smtp.messages.get();
    }

    /** Where the app's stdout goes (logs/&lt;label&gt;.log in the output folder). */
    Path logFile() {
        return logFile;
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("db", db.kind.name().toLowerCase());
        m.put("database", db.name);
        m.put("config", config);
        m.put("args", appArgs);
        m.put("startupSeconds", startupSeconds);
        m.put("readySeconds", readySeconds);
        m.put("usersReadySeconds", usersReadySeconds);
        m.put("log", logFile.toString());
        return m;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                Log.warn(label + " did not stop within 60 s; killing it");
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        http.close();
        if (smtp != null) {
            smtp.close();
        }
        if (wire != null) {
            wire.close();
        }
    }
}
