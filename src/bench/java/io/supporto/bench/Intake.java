package io.supporto.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 1. Intake: authenticated POST /api/cases (anna, contoso, a severity A case: triage, two decisions,
 * engagement, two SLA timers, the "case received" mail in the outbox and its delivery job) at rising
 * open-loop arrival rates, each for a fixed time, until the curve bends (accepted/s below
 * intake-bend-ratio of the offered rate, or more than 1 % errors); that step is the last one.
 */
final class Intake {

    private Intake() {
    }

    static void run(Ctx ctx) throws Exception {
        Options o = ctx.o;
        Map<String, Object> detail = ctx.detail("intake");
        List<Map<String, Object>> steps = new ArrayList<>();
        detail.put("steps", steps);
        int maxInFlight = o.integer("intake-max-in-flight");
        double drain = o.integer("request-timeout-seconds") + 10;
        try (Db db = ctx.newDb(); App app = ctx.start(db, "intake", null, false, "fresh db")) {
            detail.put("app", app.describe());
            CaseClient cases = new CaseClient(app);
            AtomicLong seq = new AtomicLong();
            if (o.integer("intake-warmup-seconds") > 0) {
                Log.info(String.format("  warm-up: %s req/s for %d s", o.str("intake-warmup-rate"),
                        o.integer("intake-warmup-seconds")));
                OpenLoop.run(o.dbl("intake-warmup-rate"), o.integer("intake-warmup-seconds"), maxInFlight, drain,
                        () -> cases.openAsync(cases.contoso, seq.incrementAndGet()));
                app.awaitNoDueJobs(Duration.ofMinutes(2));
            }
            for (double rate : o.doubles("intake-rates")) {
                double cpu0 = app.cpuSeconds();
                long t0 = System.nanoTime();
                OpenLoop.Result r = OpenLoop.run(rate, o.integer("intake-step-seconds"), maxInFlight, drain,
                        () -> cases.openAsync(cases.contoso, seq.incrementAndGet()));
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = app.cpuSeconds() - cpu0;
                long dueJobs = app.dueJobs();
                String step = fmtRate(rate);
                ctx.add("intake", step, rate, "accepted_per_s", r.acceptedPerSecond(), "cases/s");
                ctx.add("intake", step, rate, "p50_ms", Ctx.ms(r.latencyMicros(), 50), "ms");
                ctx.add("intake", step, rate, "p90_ms", Ctx.ms(r.latencyMicros(), 90), "ms");
                ctx.add("intake", step, rate, "p99_ms", Ctx.ms(r.latencyMicros(), 99), "ms");
                ctx.add("intake", step, rate, "max_ms", Ctx.maxMs(r.latencyMicros()), "ms");
                ctx.add("intake", step, rate, "errors_pct", 100 * r.errorRate(), "%");
                ctx.add("intake", step, rate, "app_cpu_pct", 100 * cpu / wall, "% of 1 core");
                ctx.add("intake", step, rate, "due_jobs_after", dueJobs, "jobs");
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("offeredRate", rate);
                s.put("seconds", r.seconds());
                s.put("offered", r.offered());
                s.put("sent", r.sent());
                s.put("ok", r.ok());
                s.put("okInWindow", r.okInWindow());
                s.put("errors", r.errors());
                s.put("shed", r.shed());
                s.put("errorKinds", r.errorKinds());
                s.put("latency", Ctx.summary(r.latencyMicros()));
                s.put("generatorLateMaxMs", r.lateSendMaxMs());
                s.put("drainSeconds", r.drainSeconds());
                s.put("appCpuSeconds", cpu);
                s.put("dueJobsAfter", dueJobs);
                s.put("mailsDelivered", app.mailsDelivered());
                steps.add(s);
                Log.info(String.format("  intake %s req/s: accepted %.1f/s, p50 %.0f ms, p99 %.0f ms, errors %.2f %% %s,"
                                + " app CPU %.0f %%, due jobs %d", step, r.acceptedPerSecond(),
                        Ctx.ms(r.latencyMicros(), 50), Ctx.ms(r.latencyMicros(), 99), 100 * r.errorRate(),
                        r.errorKinds().isEmpty() ? "" : r.errorKinds().toString(), 100 * cpu / wall, dueJobs));
                boolean bent = r.acceptedPerSecond() < o.dbl("intake-bend-ratio") * rate || r.errorRate() > 0.01;
                if (bent) {
                    detail.put("bentAt", rate);
                    if (o.bool("intake-stop-at-bend")) {
                        Log.info("  the curve bent at " + step + " req/s: last step");
                        break;
                    }
                }
                Ctx.sleepSeconds(o.dbl("intake-pause-seconds"));
            }
            detail.put("cpuSecondsTotal", app.cpuSeconds());
            detail.put("databaseBytes", db.sizeBytes());
        }
    }

    static String fmtRate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
