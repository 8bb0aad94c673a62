package io.supporto.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** One PNG per scenario (XChart, headless), drawn from the medians. */
final class Charts {

    private Charts() {
    }

    static void write(Path dir, Results results, String scale) {
        List<Results.Median> medians = results.medians();
        String prefix = scale.equals("full") ? "" : "[" + scale + ": not a measurement] ";
        try {
            xy(dir, "intake", prefix + "Intake: accepted vs offered (open loop)", "offered req/s", "accepted cases/s",
                    medians, m -> m.scenario().equals("intake") && m.metric().equals("accepted_per_s"), false);
            xyMulti(dir, "intake-latency", prefix + "Intake: latency from intended send time", "offered req/s", "ms (log)",
                    medians, m -> m.scenario().equals("intake") && (m.metric().equals("p50_ms") || m.metric().equals("p99_ms")),
                    true);
            category(dir, "lifecycle", prefix + "Full lifecycle: max completed lifecycles/s", "lifecycles/s", medians,
                    m -> m.scenario().equals("lifecycle") && m.step().equals("max"));
            category(dir, "lifecycle-roundtrips", prefix + "DB work per lifecycle (PostgreSQL wire count)", "per lifecycle",
                    medians, m -> m.scenario().equals("lifecycle-roundtrips") && m.step().equals("per lifecycle")
                            && (m.metric().equals("db_round_trips") || m.metric().equals("db_statements")
                            || m.metric().equals("db_transactions")));
            category(dir, "storm", prefix + "Timer storm and sparse timers: escalation lateness", "seconds", medians,
                    m -> (m.scenario().equals("storm") || m.scenario().equals("sparse")) && m.metric().startsWith("lateness_"));
            category(dir, "storm-throughput", prefix + "Timer storm: jobs per second", "jobs/s", medians,
                    m -> m.scenario().equals("storm") && m.metric().endsWith("_per_s") && !m.metric().startsWith("load_"));
            drainCurves(dir, prefix, results);
            xyMulti(dir, "memory", prefix + "Memory by open cases (after full GC)", "open cases", "MB", medians,
                    m -> m.scenario().equals("memory") && (m.metric().equals("rss_mb") || m.metric().equals("heap_after_gc_mb"))
                            && !m.step().startsWith("after restart"), false);
            category(dir, "startup", prefix + "Start-up: process start to /actuator/health UP", "seconds", medians,
                    m -> m.scenario().equals("startup") && m.metric().equals("health_up_s"));
            xy(dir, "rawdb", prefix + "Database raw limit: single-row INSERT+COMMIT", "connections", "commits/s (log)", medians,
                    m -> m.scenario().equals("rawdb") && m.metric().equals("commits_per_s"), true);
        } catch (Exception | LinkageError e) {
            Log.warn("charts not written: " + e);
        }
    }

    /** Breaches recorded (Prometheus counter, once a second) against seconds since the due instant, repetition 1. */
    @SuppressWarnings("unchecked")
    private static void drainCurves(Path dir, String prefix, Results results) throws Exception {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        synchronized (results.runs) {
            for (Map<String, Object> run : results.runs) {
                Object curve = run.get("breachCurve");
                if (!(curve instanceof Map) || !Integer.valueOf(1).equals(run.get("rep"))) {
                    continue;
                }
                List<double[]> pts = new ArrayList<>();
                ((Map<String, Long>) curve).forEach((t, n) -> pts.add(new double[] {Double.parseDouble(t), n}));
                series.put(run.get("db") + "/" + run.get("config") + " " + run.get("phase"), pts);
            }
        }
        drawXy(dir, "storm-drain", prefix + "Timer storm: breaches recorded after the due instant (repetition 1)",
                "seconds after due", "breaches recorded", series, false);
    }

    private static String series(Results.Median m) {
        return m.db() + "/" + m.config();
    }

    private static void xy(Path dir, String name, String title, String xTitle, String yTitle, List<Results.Median> medians,
                           Predicate<Results.Median> which, boolean logY) throws Exception {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (Results.Median m : medians) {
            if (which.test(m) && !Double.isNaN(m.median())) {
                series.computeIfAbsent(series(m), k -> new ArrayList<>()).add(new double[] {m.x(), m.median()});
            }
        }
        drawXy(dir, name, title, xTitle, yTitle, series, logY);
    }

    private static void xyMulti(Path dir, String name, String title, String xTitle, String yTitle,
                                List<Results.Median> medians, Predicate<Results.Median> which, boolean logY) throws Exception {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (Results.Median m : medians) {
            if (which.test(m) && !Double.isNaN(m.median()) && (!logY || m.median() > 0)) {
                series.computeIfAbsent(series(m) + " " + m.metric(), k -> new ArrayList<>())
                        .add(new double[] {m.x(), m.median()});
            }
        }
        drawXy(dir, name, title, xTitle, yTitle, series, logY);
    }

    private static void drawXy(Path dir, String name, String title, String xTitle, String yTitle,
                               Map<String, List<double[]>> series, boolean logY) throws Exception {
        if (series.isEmpty()) {
            return;
        }
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(7);
        for (Map.Entry<String, List<double[]>> s : series.entrySet()) {
            List<double[]> pts = new ArrayList<>(s.getValue());
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
            chart.addSeries(s.getKey(), x, y);
        }
        BitmapEncoder.saveBitmap(chart, dir.resolve(name + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Categories: database/configuration (and step where a scenario has several); a series per metric. */
    private static void category(Path dir, String name, String title, String yTitle, List<Results.Median> medians,
                                 Predicate<Results.Median> which) throws Exception {
        Set<String> categories = new LinkedHashSet<>();
        Map<String, Map<String, Double>> bySeries = new LinkedHashMap<>();
        for (Results.Median m : medians) {
            if (!which.test(m)) {
                continue;
            }
            String cat = series(m) + (m.step().equals("max") || m.step().equals("per lifecycle") ? "" : " " + m.step());
            categories.add(cat);
            bySeries.computeIfAbsent(m.metric(), k -> new LinkedHashMap<>()).put(cat, m.median());
        }
        if (categories.isEmpty()) {
            return;
        }
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(900, 140 * categories.size())).height(560)
                .title(title).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setXAxisLabelRotation(20);
        List<String> cats = new ArrayList<>(categories);
        for (Map.Entry<String, Map<String, Double>> s : bySeries.entrySet()) {
            List<Double> ys = new ArrayList<>();
            for (String c : cats) {
                Double v = s.getValue().get(c);
                ys.add(v == null || v.isNaN() ? 0.0 : v);
            }
            chart.addSeries(s.getKey(), cats, ys);
        }
        BitmapEncoder.saveBitmap(chart, dir.resolve(name + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
