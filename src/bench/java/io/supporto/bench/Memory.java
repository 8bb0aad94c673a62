package io.supporto.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 4. Memory and start-up: the app's RSS (/proc/pid/status VmRSS) and heap in use after a full GC
 * (jcmd GC.run, then jvm.memory.used{area=heap} from /actuator/metrics) with no case, then with each
 * checkpoint's number of open cases (contoso, severity A, engaged, 10-day targets: each case waits
 * in firstResponse with its warning and breach timers pending). Then the app is restarted on the same
 * database: start-up time and memory with all those cases open.
 */
final class Memory {

    /** How long a checkpoint waits for the cases' mails to be delivered before it reads memory anyway. */
    private static final Duration DRAIN_CAP = Duration.ofMinutes(30);

    private Memory() {
    }

    static void run(Ctx ctx) throws Exception {
        Options o = ctx.o;
        Map<String, Object> detail = ctx.detail("memory");
        List<Map<String, Object>> points = new ArrayList<>();
        detail.put("points", points);
        int k = o.integer("memory-open-concurrency");
        double settle = o.dbl("memory-settle-seconds");
        long open = 0;
        try (Db db = ctx.newDb()) {
            try (App app = ctx.start(db, "memory", null, false, "fresh db")) {
                detail.put("app", app.describe());
                CaseClient cases = new CaseClient(app);
                cases.deployResponseTarget("bench-memory", Dmn.target("contoso", Dmn.LONG_TARGET));
                Ctx.sleepSeconds(settle);
                point(ctx, app, points, "0 open", 0);
                AtomicLong seq = new AtomicLong();
                for (int checkpoint : o.ints("memory-checkpoints")) {
                    long toOpen = checkpoint - open;
                    long t0 = System.nanoTime();
                    ClosedLoop.Result r = ClosedLoop.run(k, toOpen, 6 * 3600,
                            i -> cases.open(cases.contoso, seq.incrementAndGet()));
                    double secs = (System.nanoTime() - t0) / 1e9;
                    open += r.ok();
                    Log.info(String.format("  opened %d cases in %.0f s (%.1f/s), %d errors; %d open", r.ok(), secs,
                            r.ok() / secs, r.errors(), open));
                    double drained = app.awaitNoDueJobs(DRAIN_CAP);
                    Ctx.sleepSeconds(settle);
                    long dueAtRead = app.dueJobs();
                    if (drained < 0) {
                        Log.warn(String.format("  %d jobs still due after %d minutes: this checkpoint is read with a backlog",
                                dueAtRead, DRAIN_CAP.toMinutes()));
                    }
                    Map<String, Object> p = point(ctx, app, points, checkpoint + " open", checkpoint);
                    // -1: DRAIN_CAP was reached; a row read with a backlog is not comparable to one without
                    p.put("secondsUntilNoJobDue", drained);
                    p.put("jobsDueAtRead", dueAtRead);
                    p.put("opened", open);
                    p.put("openErrors", r.errorKinds());
                    p.put("openPerSecond", r.ok() / secs);
                    p.put("databaseBytes", db.sizeBytes());
                    ctx.add("memory", checkpoint + " open", checkpoint, "db_size_mb", db.sizeBytes() / 1048576.0, "MB");
                }
            }
            // start again on the same database, now holding every open case
            try (App app = ctx.start(db, "memory", "restart", false, "restart with " + open + " open")) {
                Ctx.sleepSeconds(settle);
                Map<String, Object> p = point(ctx, app, points, "after restart, " + open + " open", open);
                p.put("startupSeconds", app.startupSeconds);
                detail.put("restart", app.describe());
            }
        }
    }

    private static Map<String, Object> point(Ctx ctx, App app, List<Map<String, Object>> points, String step, long x)
            throws InterruptedException {
        Map<String, Object> m = app.memoryAfterGc();
        m.put("step", step);
        points.add(m);
        double rss = ((Number) m.get("rssKb")).longValue() / 1024.0;
        double heap = ((Number) m.get("heapUsedBytes")).doubleValue() / 1048576.0;
        ctx.add("memory", step, x, "rss_mb", rss, "MB");
        ctx.add("memory", step, x, "heap_after_gc_mb", heap, "MB");
        ctx.add("memory", step, x, "heap_committed_mb", ((Number) m.get("heapCommittedBytes")).doubleValue() / 1048576.0, "MB");
        Log.info(String.format("  memory %s: RSS %.0f MB, heap after GC %.0f MB", step, rss, heap));
        return m;
    }
}
