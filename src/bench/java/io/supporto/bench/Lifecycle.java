package io.supporto.bench;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

/**
 * 2. Full lifecycle through the Case API and /engine-rest: anna opens a severity A case, erin
 * completes firstResponse and then workCase with RESOLVE, anna answers the survey. Throughput: a
 * closed loop per concurrency level (completed lifecycles/s). Then, on PostgreSQL only, a separate
 * app start whose database connections go through {@link PgWireCounter} counts the database round
 * trips per lifecycle (and per step), with lifecycles run one at a time and the delivery jobs each
 * step triggers drained before the next step; the idle background (job acquisition polling) is
 * measured before and subtracted.
 */
final class Lifecycle {

    private Lifecycle() {
    }

    static void run(Ctx ctx) throws Exception {
        throughput(ctx);
        if (ctx.dbKind == Db.Kind.POSTGRES) {
            count(ctx);
        }
    }

    private static void throughput(Ctx ctx) throws Exception {
        Options o = ctx.o;
        Map<String, Object> detail = ctx.detail("lifecycle");
        List<Map<String, Object>> levels = new ArrayList<>();
        detail.put("levels", levels);
        boolean claim = o.bool("claim");
        try (Db db = ctx.newDb(); App app = ctx.start(db, "lifecycle", null, false, "fresh db")) {
            detail.put("app", app.describe());
            CaseClient cases = new CaseClient(app);
            AtomicLong seq = new AtomicLong();
            List<Integer> concurrency = o.ints("lifecycle-concurrency");
            int maxC = concurrency.stream().max(Integer::compare).orElse(1);
            if (o.integer("lifecycle-warmup-seconds") > 0) {
                Log.info("  warm-up: " + maxC + " workers for " + o.integer("lifecycle-warmup-seconds") + " s");
                ClosedLoop.run(maxC, Long.MAX_VALUE, o.integer("lifecycle-warmup-seconds"),
                        i -> cases.lifecycle(cases.contoso, seq.incrementAndGet(), claim, null));
                app.awaitNoDueJobs(Duration.ofMinutes(2));
            }
            double best = 0;
            for (int c : concurrency) {
                Map<String, Recorder> stepRecorders = new LinkedHashMap<>();
                for (String s : CaseClient.STEPS) {
                    stepRecorders.put(s, new Recorder(TimeUnit.HOURS.toMicros(1), 3));
                }
                double cpu0 = app.cpuSeconds();
                long t0 = System.nanoTime();
                ClosedLoop.Result r = ClosedLoop.run(c, Long.MAX_VALUE, o.integer("lifecycle-seconds"),
                        i -> cases.lifecycle(cases.contoso, seq.incrementAndGet(), claim,
                                (step, nanos) -> stepRecorders.get(step).recordValue(Math.max(1, nanos / 1000))));
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = app.cpuSeconds() - cpu0;
                String step = "c=" + c;
                ctx.add("lifecycle", step, c, "lifecycles_per_s", r.perSecond(), "lifecycles/s");
                ctx.add("lifecycle", step, c, "p50_ms", Ctx.ms(r.latencyMicros(), 50), "ms");
                ctx.add("lifecycle", step, c, "p99_ms", Ctx.ms(r.latencyMicros(), 99), "ms");
                ctx.add("lifecycle", step, c, "errors", r.errors(), "lifecycles");
                ctx.add("lifecycle", step, c, "app_cpu_pct", 100 * cpu / wall, "% of 1 core");
                ctx.add("lifecycle", step, c, "app_cpu_ms_per_lifecycle", r.ok() == 0 ? Double.NaN : 1000 * cpu / r.ok(), "ms");
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("concurrency", c);
                l.put("seconds", r.seconds());
                l.put("ok", r.ok());
                l.put("okInWindow", r.okInWindow());
                l.put("errors", r.errors());
                l.put("errorKinds", r.errorKinds());
                l.put("latency", Ctx.summary(r.latencyMicros()));
                Map<String, Object> perStep = new LinkedHashMap<>();
                stepRecorders.forEach((s, rec) -> perStep.put(s, Ctx.summary(rec.getIntervalHistogram())));
                l.put("steps", perStep);
                l.put("appCpuSeconds", cpu);
                levels.add(l);
                best = Math.max(best, r.perSecond());
                Log.info(String.format("  lifecycle c=%d: %.2f lifecycles/s, p50 %.0f ms, p99 %.0f ms, errors %d %s",
                        c, r.perSecond(), Ctx.ms(r.latencyMicros(), 50), Ctx.ms(r.latencyMicros(), 99), r.errors(),
                        r.errorKinds().isEmpty() ? "" : r.errorKinds().toString()));
                app.awaitNoDueJobs(Duration.ofMinutes(2));
            }
            ctx.add("lifecycle", "max", 0, "lifecycles_per_s", best, "lifecycles/s");
            ctx.shared.put(key(ctx), best);
            detail.put("maxLifecyclesPerSecond", best);
        }
    }

    static String key(Ctx ctx) {
        return "lifecycleMax/" + ctx.rep + "/" + ctx.db + "/" + ctx.config;
    }

    /** Round trips, statements and transactions per lifecycle (PostgreSQL, through the wire counter). */
    private static void count(Ctx ctx) throws Exception {
        Options o = ctx.o;
        Map<String, Object> detail = ctx.detail("lifecycle-count");
        boolean claim = o.bool("claim");
        try (Db db = ctx.newDb(); App app = ctx.start(db, "lifecycle", "count", true, "fresh db, via wire counter");
             Connection direct = db.connect()) {
            detail.put("app", app.describe());
            CaseClient cases = new CaseClient(app);
            PgWireCounter wire = app.wire;
            AtomicLong seq = new AtomicLong();
            for (int i = 0; i < o.integer("count-warmup"); i++) {
                cases.lifecycle(cases.contoso, seq.incrementAndGet(), claim, null);
            }
            drain(db, direct);

            // the idle background: job acquisition polling, pool housekeeping
            Map<String, Long> w0 = wire.snapshot();
            Map<String, Long> p0 = db.pgStats(direct);
            long t0 = System.nanoTime();
            Ctx.sleepSeconds(o.integer("count-idle-seconds"));
            Map<String, Long> w1 = wire.snapshot();
            Map<String, Long> p1 = db.pgStats(direct);
            long t1 = System.nanoTime();
            double idleSeconds = (t1 - t0) / 1e9;
            double idleRoundTripsPerS = (w1.get("roundTrips") - w0.get("roundTrips")) / idleSeconds;
            double idleStatementsPerS = (w1.get("statements") - w0.get("statements")) / idleSeconds;

            int m = o.integer("count-lifecycles");
            Map<String, double[]> perStep = new LinkedHashMap<>();
            for (String s : CaseClient.STEPS) {
                perStep.put(s, new double[2]);
            }
            long[] lastRt = {w1.get("roundTrips")};
            long[] lastSt = {w1.get("statements")};
            long[] lastT = {System.nanoTime()};
            AtomicLong directQueries = new AtomicLong();
            for (int i = 0; i < m; i++) {
                cases.lifecycle(cases.contoso, seq.incrementAndGet(), claim, (step, nanos) -> {
                    directQueries.addAndGet(drain(db, direct));
                    long now = System.nanoTime();
                    Map<String, Long> w = wire.snapshot();
                    double secs = (now - lastT[0]) / 1e9;
                    perStep.get(step)[0] += w.get("roundTrips") - lastRt[0] - idleRoundTripsPerS * secs;
                    perStep.get(step)[1] += w.get("statements") - lastSt[0] - idleStatementsPerS * secs;
                    lastRt[0] = w.get("roundTrips");
                    lastSt[0] = w.get("statements");
                    lastT[0] = System.nanoTime();
                });
            }
            directQueries.addAndGet(drain(db, direct));
            Map<String, Long> w2 = wire.snapshot();
            long t2 = System.nanoTime();
            // PostgreSQL flushes a backend's statistics lazily (at most every second, idle ones after 10 s)
            Ctx.sleepSeconds(11);
            Map<String, Long> p3 = db.pgStats(direct);
            long t3 = System.nanoTime();

            double runSeconds = (t2 - t1) / 1e9;
            double roundTrips = (w2.get("roundTrips") - w1.get("roundTrips") - idleRoundTripsPerS * runSeconds) / m;
            double statements = (w2.get("statements") - w1.get("statements") - idleStatementsPerS * runSeconds) / m;
            double parses = (w2.get("parses") - w1.get("parses")) / (double) m;
            double pgIdle = ((p1.get("xact_commit") - p0.get("xact_commit")) - 2) / idleSeconds;
            double xacts = ((p3.get("xact_commit") + p3.get("xact_rollback")) - (p1.get("xact_commit") + p1.get("xact_rollback"))
                    - directQueries.get() - 2 - pgIdle * (t3 - t1) / 1e9) / m;
            String step = "per lifecycle";
            ctx.add("lifecycle-roundtrips", step, 0, "db_round_trips", roundTrips, "round trips");
            ctx.add("lifecycle-roundtrips", step, 0, "db_statements", statements, "statements");
            ctx.add("lifecycle-roundtrips", step, 0, "db_transactions", xacts, "transactions");
            ctx.add("lifecycle-roundtrips", step, 0, "rows_inserted", delta(p1, p3, "tup_inserted") / (double) m, "rows");
            ctx.add("lifecycle-roundtrips", step, 0, "rows_updated", delta(p1, p3, "tup_updated") / (double) m, "rows");
            ctx.add("lifecycle-roundtrips", step, 0, "rows_deleted", delta(p1, p3, "tup_deleted") / (double) m, "rows");
            int x = 1;
            for (Map.Entry<String, double[]> e : perStep.entrySet()) {
                ctx.add("lifecycle-roundtrips", x + " " + e.getKey(), x, "db_round_trips", e.getValue()[0] / m, "round trips");
                ctx.add("lifecycle-roundtrips", x + " " + e.getKey(), x, "db_statements", e.getValue()[1] / m, "statements");
                x++;
            }
            detail.put("lifecycles", m);
            detail.put("idleSeconds", idleSeconds);
            detail.put("idleRoundTripsPerSecond", idleRoundTripsPerS);
            detail.put("wireBefore", w1);
            detail.put("wireAfter", w2);
            detail.put("pgStatBefore", p1);
            detail.put("pgStatAfter", p3);
            detail.put("directQueriesSubtracted", directQueries.get());
            detail.put("roundTripsPerLifecycle", roundTrips);
            detail.put("statementsPerLifecycle", statements);
            detail.put("parsesPerLifecycle", parses);
            detail.put("transactionsPerLifecycle", xacts);
            Log.info(String.format("  per lifecycle: %.1f round trips, %.1f statements, %.1f transactions (%d lifecycles; idle %.2f round trips/s)",
                    roundTrips, statements, xacts, m, idleRoundTripsPerS));
        }
    }

    private static long delta(Map<String, Long> a, Map<String, Long> b, String key) {
        return b.get(key) - a.get(key);
    }

    /** Waits (up to 60 s) until no delivery job is left; returns how many queries that took. */
    private static long drain(Db db, Connection direct) {
        long queries = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            while (System.nanoTime() < deadline) {
                queries++;
                if (db.pendingMessageJobs(direct) == 0) {
                    return queries;
                }
                Thread.sleep(20);
            }
            Log.warn("delivery jobs still pending after 60 s");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return queries;
    }
}
