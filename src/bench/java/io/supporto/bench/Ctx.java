package io.supporto.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** What a scenario run knows: the options, where it stands (repetition, database, configuration), where results go. */
final class Ctx {

    final Options o;
    final Results results;
    final Path jar;
    final String stamp;
    final int rep;
    final Db.Kind dbKind;
    final String db;
    final String config;
    /** Figures one scenario leaves for a later one in the same repetition (max lifecycles/s for the storm's load). */
    final Map<String, Double> shared;

    Ctx(Options o, Results results, Path jar, String stamp, int rep, Db.Kind dbKind, String config,
        Map<String, Double> shared) {
        this.o = o;
        this.results = results;
        this.jar = jar;
        this.stamp = stamp;
        this.rep = rep;
        this.dbKind = dbKind;
        this.db = dbKind.name().toLowerCase();
        this.config = config;
        this.shared = shared;
    }

    static Map<String, Double> newShared() {
        return new ConcurrentHashMap<>();
    }

    Db newDb() throws Exception {
        return Db.create(dbKind, o, stamp);
    }

    /** Starts the app for one scenario (phase may be null); its start-up time is a figure of its own. */
    App start(Db database, String scenario, String phase, boolean countWire, String startupStep) throws Exception {
        String label = "r" + rep + "-" + db + "-" + config + "-" + scenario + (phase == null ? "" : "-" + phase);
        App app = App.start(o, jar, database, config, label, countWire);
        add("startup", startupStep, 0, "health_up_s", app.startupSeconds, "s");
        add("startup", startupStep, 0, "ready_s", app.readySeconds, "s");
        if (startupStep.startsWith("fresh")) {
            add("startup", startupStep, 0, "rss_after_start_mb", app.rssKb() / 1024.0, "MB");
        }
        return app;
    }

    void add(String scenario, String step, double x, String metric, double value, String unit) {
        results.add(rep, db, config, scenario, step, x, metric, value, unit);
    }

    /** A scenario run's details (settings actually used, app args, raw distributions) for results.json. */
    Map<String, Object> detail(String scenario) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rep", rep);
        d.put("db", db);
        d.put("config", config);
        d.put("scenario", scenario);
        d.put("loadavgAtStart", loadavg());
        results.runs.add(d);
        return d;
    }

    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    /** p50/p90/p99/p99.9/max in milliseconds and the count of a microsecond histogram. */
    static Map<String, Object> summary(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        if (h.getTotalCount() > 0) {
            m.put("p50_ms", h.getValueAtPercentile(50) / 1000.0);
            m.put("p90_ms", h.getValueAtPercentile(90) / 1000.0);
            m.put("p99_ms", h.getValueAtPercentile(99) / 1000.0);
            m.put("p999_ms", h.getValueAtPercentile(99.9) / 1000.0);
            m.put("max_ms", h.getMaxValue() / 1000.0);
            m.put("mean_ms", h.getMean() / 1000.0);
        }
        return m;
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    static double maxMs(Histogram h) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0;
    }

    static void sleepSeconds(double s) throws InterruptedException {
        if (s > 0) {
            TimeUnit.MILLISECONDS.sleep((long) (s * 1000));
        }
    }
}
