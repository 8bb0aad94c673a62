package io.supporto.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

/**
 * 3. Timer storm: storm-cases open cases of contoso whose response targets all fall due at one
 * instant, then the breach timers fire together. A response-target variant is deployed through
 * /engine-rest whose contoso rule computes the target as {@code dueAt - now()} (FEEL), so however long
 * the opening takes, every case is due at the same second. dueAt is chosen from a pilot (opening and
 * draining storm-pilot-cases) so that the opening, and the delivery jobs it causes, are done before.
 * Phase "idle": nothing else runs; phase "load": lifecycles of fabrikam (10-day targets, never
 * breached) arrive open-loop at storm-load-fraction of the max lifecycles/s measured in scenario 2,
 * from 10 s before dueAt until every breach is recorded. Lateness of a case = BREACHED.at in its SLA
 * timeline minus its firstResponseDueAt. Also the sparse variant: one case every few seconds, each due
 * sparse-target-seconds after opening.
 */
final class Storm {

    private Storm() {
    }

    static void run(Ctx ctx, String phase) throws Exception {
        Options o = ctx.o;
        Map<String, Object> detail = ctx.detail("storm-" + phase);
        int n = o.integer("storm-cases");
        int k = o.integer("storm-open-concurrency");
        String timelines = o.str("storm-timelines");
        if (!List.of("always", "if-drained", "log").contains(timelines)) {
            throw new IllegalArgumentException("--storm-timelines must be always, if-drained or log, not " + timelines);
        }
        double loadRate = 0;
        if (phase.equals("load")) {
            if (!o.str("storm-load-rate").isBlank()) {
                loadRate = o.dbl("storm-load-rate");
            } else {
                Double max = ctx.shared.get(Lifecycle.key(ctx));
                if (max == null || max <= 0) {
                    throw new IllegalStateException("the storm's load phase needs the max lifecycles/s of scenario 2 in"
                            + " the same run (add lifecycle to --scenarios) or --storm-load-rate");
                }
                loadRate = max * o.dbl("storm-load-fraction");
            }
        }
        try (Db db = ctx.newDb(); App app = ctx.start(db, "storm", phase, false, "fresh db")) {
            detail.put("app", app.describe());
            CaseClient cases = new CaseClient(app);
            AtomicLong seq = new AtomicLong();

            // pilot: how long opening and draining a case takes here (its cases get 10-day targets)
            cases.deployResponseTarget("bench-pilot", Dmn.target("contoso", Dmn.LONG_TARGET));
            int pilot = o.integer("storm-pilot-cases");
            long p0 = System.nanoTime();
            ClosedLoop.Result pr = ClosedLoop.run(k, pilot, 3600, i -> cases.open(cases.contoso, seq.incrementAndGet()));
            app.awaitNoDueJobs(Duration.ofMinutes(10));
            double perCase = (System.nanoTime() - p0) / 1e9 / Math.max(1, pr.ok());
            double lead = Math.max(o.integer("storm-min-lead-seconds"), n * perCase * 1.3 + 20);
            Instant dueAt = Instant.now().plusMillis((long) (lead * 1000)).truncatedTo(ChronoUnit.SECONDS);
            detail.put("pilotSecondsPerCase", perCase);
            detail.put("dueAt", dueAt.toString());
            Log.info(String.format("  pilot: %.1f ms per case (open + drain); %d cases due at %s (in %.0f s)",
                    perCase * 1000, n, dueAt, lead));

            cases.deployResponseTarget("bench-storm", Dmn.dueAt("contoso", dueAt));
            List<String> numbers = Collections.synchronizedList(new ArrayList<>());
            AtomicLong openedLate = new AtomicLong();
            long o0 = System.nanoTime();
            ClosedLoop.Result opened = ClosedLoop.run(k, n, lead, i -> {
                JsonNode v = cases.open(cases.contoso, seq.incrementAndGet());
                Instant due = Instant.parse(v.path("firstResponseDueAt").asText());
                Instant openedAt = Instant.parse(v.path("openedAt").asText());
                if (!due.isAfter(openedAt)) {
                    openedLate.incrementAndGet();
                } else {
                    numbers.add(v.path("caseNumber").asText());
                }
            });
            double openSeconds = (System.nanoTime() - o0) / 1e9;
            Log.info(String.format("  opened %d storm cases in %.1f s (%.1f/s), %d errors, %d opened after their due time",
                    opened.ok(), openSeconds, opened.ok() / openSeconds, opened.errors(), openedLate.get()));
            if (openedLate.get() > 0) {
                Log.warn(openedLate.get() + " cases were opened after dueAt: left out of the lateness figures");
            }

            // the breach counter before the storm, read now, minutes before dueAt: read at dueAt, an app
            // whose scrapes wait for database connections (stock settings) answered up to 22 s late,
            // with the first storm breaches already in its count (session 16)
            long base = app.breaches();
            if (base < 0) {
                // nothing can have breached yet (the pilot's cases have 10-day targets)
                Log.warn("/actuator/prometheus did not answer before the storm; counting breaches from 0");
                base = 0;
            }
            if (!Instant.now().isBefore(dueAt)) {
                Log.warn("the breach count before the storm was read after dueAt: it may include storm breaches");
            }

            // background lifecycles from 10 s before dueAt until the storm is over
            AtomicBoolean stopLoad = new AtomicBoolean();
            AtomicReference<OpenLoop.Result> loadResult = new AtomicReference<>();
            AtomicReference<Exception> loadError = new AtomicReference<>();
            Thread load = null;
            if (loadRate > 0) {
                double rate = loadRate;
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();
                load = new Thread(() -> {
                    try {
                        sleepUntil(dueAt.minusSeconds(10));
                        loadResult.set(OpenLoop.run(rate, o.integer("storm-drain-timeout-seconds") + 60, 512, 120,
                                stopLoad::get, () -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                                    try {
                                        cases.lifecycle(cases.fabrikam, seq.incrementAndGet(), false, null);
                                        return OpenLoop.Outcome.OK;
                                    } catch (RuntimeException e) {
                                        return OpenLoop.Outcome.failed(e.getMessage() == null ? e.toString()
                                                : e.getMessage().replaceAll("SR-\\d{4}-\\d+", "SR-…"));
                                    }
                                }, pool)));
                    } catch (Exception e) {
                        loadError.set(e);
                    } finally {
                        pool.shutdown();
                    }
                }, "storm-load");
                load.start();
                Log.info(String.format("  background load: %.2f lifecycles/s from %s", rate, dueAt.minusSeconds(10)));
            }

            sleepUntil(dueAt.minusSeconds(2));
            long backlogAtDue = app.dueJobs();
            long jobLog0 = app.successfulJobLogCount();
            sleepUntil(dueAt);
            // breaches recorded so far, once a second, until all storm cases are in breach; times count
            // from dueAt, not from when these reads began (they can begin late when the app is slow to answer)
            Map<String, Long> curve = new TreeMap<>();
            long start = System.nanoTime() - Duration.between(dueAt, Instant.now()).toNanos();
            long deadline = start + (long) (o.integer("storm-drain-timeout-seconds") * 1e9);
            long seen = 0;
            double drainSeconds = -1;
            while (System.nanoTime() < deadline) {
                long now = app.breaches();
                if (now < 0) {
                    Thread.sleep(1000);
                    continue;
                }
                seen = now - base;
                double t = (System.nanoTime() - start) / 1e9;
                curve.put(String.format(java.util.Locale.ROOT, "%.1f", t), seen);
                if (seen >= numbers.size()) {
                    drainSeconds = t;
                    break;
                }
                Thread.sleep(1000);
            }
            long jobLog1 = app.successfulJobLogCount();
            double jobWindow = (System.nanoTime() - start) / 1e9 + 2;
            stopLoad.set(true);
            if (load != null) {
                load.join(180_000);
            }
            Log.info(String.format("  %d of %d breaches recorded %s", seen, numbers.size(),
                    drainSeconds < 0 ? "before the drain timeout" : String.format("%.0f s after due", drainSeconds)));

            // lateness of each case, from its SLA timeline; a run that did not drain in time can skip this:
            // reading 10,000 timelines from an app still draining its storm takes longer than the storm
            // "log": each case's first breach line in the app's own log, for apps whose API stops answering
            // once a storm has starved their connection pool (stock settings on H2 under load, session 20)
            boolean fromLog = timelines.equals("log");
            boolean readTimelines = !fromLog && (drainSeconds >= 0 || timelines.equals("always"));
            if (!readTimelines && !fromLog) {
                Log.info("  not drained: timelines not read (--storm-timelines=if-drained); lateness left empty");
            }
            Histogram lateness = OpenLoop.newHistogram();
            List<Long> breachMillis = Collections.synchronizedList(new ArrayList<>());
            AtomicLong missing = new AtomicLong();
            // one recording for both sources; a case without a breach counts as missing
            Consumer<CaseClient.Breach> record = b -> {
                if (b == null) {
                    missing.incrementAndGet();
                    return;
                }
                synchronized (lateness) {
                    lateness.recordValue(Math.max(0, b.latenessMillis()) * 1000);
                }
                breachMillis.add(b.at().toEpochMilli());
            };
            if (fromLog) {
                Map<String, Instant> logged = firstBreachLines(app.logFile());
                numbers.forEach(number -> {
                    Instant at = logged.get(number);
                    record.accept(at == null ? null : new CaseClient.Breach(at, dueAt));
                });
                Log.info(String.format("  lateness from the app's log: %d of %d storm cases have a breach line",
                        breachMillis.size(), numbers.size()));
            }
            ClosedLoop.Result fetched = ClosedLoop.run(k, readTimelines ? numbers.size() : 0, 3600,
                    i -> record.accept(cases.breach(cases.contoso, numbers.get((int) i))));
            if (!fromLog) {
                missing.addAndGet(readTimelines ? fetched.errors() : numbers.size() - seen);
            }
            List<Long> sorted = new ArrayList<>(breachMillis);
            Collections.sort(sorted);
            double timerJobsPerS = Double.NaN;
            double peak = Double.NaN;
            if (!sorted.isEmpty()) {
                // the executor's pace once the storm is under way (how late it started is the lateness)
                double span = (sorted.get(sorted.size() - 1) - sorted.get(0)) / 1000.0;
                timerJobsPerS = sorted.size() / Math.max(span, 1.0);
                Map<Long, Long> perSecond = new TreeMap<>();
                for (long ms : sorted) {
                    perSecond.merge(ms / 1000, 1L, Long::sum);
                }
                peak = perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
            }
            String step = phase;
            ctx.add("storm", step, 0, "cases", sorted.size(), "cases");
            ctx.add("storm", step, 0, "escalated_before_limit", seen, "cases");
            ctx.add("storm", step, 0, "lateness_p50_s", Ctx.ms(lateness, 50) / 1000, "s");
            ctx.add("storm", step, 0, "lateness_p99_s", Ctx.ms(lateness, 99) / 1000, "s");
            ctx.add("storm", step, 0, "lateness_max_s", Ctx.maxMs(lateness) / 1000, "s");
            ctx.add("storm", step, 0, "breach_timers_per_s", timerJobsPerS, "jobs/s");
            ctx.add("storm", step, 0, "breach_timers_peak_per_s", peak, "jobs/s");
            ctx.add("storm", step, 0, "all_jobs_per_s", jobLog0 < 0 || jobLog1 < 0 ? Double.NaN
                    : (jobLog1 - jobLog0) / jobWindow, "jobs/s");
            ctx.add("storm", step, 0, "backlog_at_due", backlogAtDue, "jobs");
            ctx.add("storm", step, 0, "missing_breaches", missing.get(), "cases");
            ctx.add("storm", step, 0, "open_rate", opened.ok() / openSeconds, "cases/s");
            OpenLoop.Result lr = loadResult.get();
            if (lr != null) {
                ctx.add("storm", step, 0, "load_offered_per_s", loadRate, "lifecycles/s");
                ctx.add("storm", step, 0, "load_done_per_s", lr.acceptedPerSecond(), "lifecycles/s");
                ctx.add("storm", step, 0, "load_p99_ms", Ctx.ms(lr.latencyMicros(), 99), "ms");
                ctx.add("storm", step, 0, "load_errors", lr.errors() + lr.shed(), "lifecycles");
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("rate", loadRate);
                l.put("offered", lr.offered());
                l.put("ok", lr.ok());
                l.put("errors", lr.errors());
                l.put("errorKinds", lr.errorKinds());
                l.put("latency", Ctx.summary(lr.latencyMicros()));
                detail.put("load", l);
            }
            if (loadError.get() != null) {
                detail.put("loadError", loadError.get().toString());
            }
            detail.put("stormCases", numbers.size());
            detail.put("openErrors", opened.errorKinds());
            detail.put("openedLate", openedLate.get());
            detail.put("openSeconds", openSeconds);
            detail.put("backlogAtDue", backlogAtDue);
            detail.put("drainSeconds", drainSeconds);
            detail.put("lateness", Ctx.summary(lateness));
            detail.put("latenessSource", fromLog ? "app log" : readTimelines ? "SLA timelines" : "none");
            detail.put("breachCurve", curve);
            detail.put("phase", phase);
            detail.put("jobLogSuccessDelta", jobLog1 - jobLog0);
            Log.info(String.format("  storm %s: lateness p50 %.1f s, p99 %.1f s, max %.1f s; %.1f breach timers/s (peak %.0f)",
                    phase, Ctx.ms(lateness, 50) / 1000, Ctx.ms(lateness, 99) / 1000, Ctx.maxMs(lateness) / 1000,
                    timerJobsPerS, peak));
        }
    }

    private static final Pattern BREACH_LINE =
            Pattern.compile("^(\\S+Z) .*Case (SR-[0-9-]+) breached its response target");

    /** Each case's first "Case … breached its response target" line (SupportoMetrics), by its timestamp. */
    static Map<String, Instant> firstBreachLines(Path log) throws IOException {
        Map<String, Instant> first = new HashMap<>();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                Matcher m = BREACH_LINE.matcher(line);
                if (m.find()) {
                    first.putIfAbsent(m.group(2), Instant.parse(m.group(1)));
                }
            });
        }
        return first;
    }

    /** Sparse timers: one case every sparse-interval-seconds, each due sparse-target-seconds later. */
    static void sparse(Ctx ctx) throws Exception {
        Options o = ctx.o;
        Map<String, Object> detail = ctx.detail("sparse");
        int count = o.integer("sparse-cases");
        double interval = o.dbl("sparse-interval-seconds");
        int target = o.integer("sparse-target-seconds");
        try (Db db = ctx.newDb(); App app = ctx.start(db, "sparse", null, false, "fresh db")) {
            detail.put("app", app.describe());
            CaseClient cases = new CaseClient(app);
            cases.deployResponseTarget("bench-sparse", Dmn.target("contoso", "PT" + target + "S"));
            long base = app.breaches();
            if (base < 0) {
                throw new IllegalStateException("cannot read supporto_sla_breaches_total from /actuator/prometheus");
            }
            List<String> numbers = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long at = t0 + (long) (i * interval * 1e9);
                long now;
                while ((now = System.nanoTime()) < at) {
                    Thread.sleep(Math.max(1, (at - now) / 1_000_000));
                }
                numbers.add(cases.open(cases.contoso, i).path("caseNumber").asText());
            }
            // Camunda's idle job acquisition waits up to max-wait (60 s by default) between polls
            long deadline = System.nanoTime() + (long) ((target + 180) * 1e9);
            while (System.nanoTime() < deadline && app.breaches() - base < count) {
                Thread.sleep(1000);
            }
            Histogram lateness = OpenLoop.newHistogram();
            List<Long> each = new ArrayList<>();
            long missing = 0;
            for (String n : numbers) {
                CaseClient.Breach b = cases.breach(cases.contoso, n);
                if (b == null) {
                    missing++;
                    continue;
                }
                lateness.recordValue(Math.max(0, b.latenessMillis()) * 1000);
                each.add(b.latenessMillis());
            }
            ctx.add("sparse", "sparse", 0, "cases", each.size(), "cases");
            ctx.add("sparse", "sparse", 0, "lateness_p50_s", Ctx.ms(lateness, 50) / 1000, "s");
            ctx.add("sparse", "sparse", 0, "lateness_p99_s", Ctx.ms(lateness, 99) / 1000, "s");
            ctx.add("sparse", "sparse", 0, "lateness_max_s", Ctx.maxMs(lateness) / 1000, "s");
            ctx.add("sparse", "sparse", 0, "missing_breaches", missing, "cases");
            detail.put("latenessMillis", each);
            detail.put("lateness", Ctx.summary(lateness));
            Log.info(String.format("  sparse: %d cases, lateness p50 %.1f s, p99 %.1f s, max %.1f s, %d missing",
                    each.size(), Ctx.ms(lateness, 50) / 1000, Ctx.ms(lateness, 99) / 1000, Ctx.maxMs(lateness) / 1000,
                    missing));
        }
    }

    private static void sleepUntil(Instant t) throws InterruptedException {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }
}
