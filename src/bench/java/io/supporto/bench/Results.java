package io.supporto.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Every figure as a row (repetition, database, configuration, scenario, step, metric, value, unit),
 * the details of each scenario run, and the medians over the repetitions. Written after each
 * scenario run, so an interrupted run keeps what it measured:
 * results.json (environment, settings, runs, rows, medians), results.csv (rows), summary.csv
 * (medians) and summary.md (one table of medians per scenario).
 */
final class Results {

    record Row(int rep, String db, String config, String scenario, String step, double x, String metric,
               double value, String unit) {
    }

    record Median(String db, String config, String scenario, String step, double x, String metric, String unit,
                  double median, double min, double max, int n) {
    }

    final List<Row> rows = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, Object>> runs = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Object> environment = new LinkedHashMap<>();
    final Map<String, Object> settings = new LinkedHashMap<>();

    void add(int rep, String db, String config, String scenario, String step, double x, String metric, double value,
             String unit) {
        rows.add(new Row(rep, db, config, scenario, step, x, metric, value, unit));
    }

    List<Median> medians() {
        Map<List<Object>, List<Row>> groups = new LinkedHashMap<>();
        synchronized (rows) {
            for (Row r : rows) {
                groups.computeIfAbsent(List.of(r.db(), r.config(), r.scenario(), r.step(), r.x(), r.metric(), r.unit()),
                        k -> new ArrayList<>()).add(r);
            }
        }
        List<Median> out = new ArrayList<>();
        for (List<Row> g : groups.values()) {
            List<Double> v = g.stream().map(Row::value).filter(d -> !Double.isNaN(d)).sorted().toList();
            Row f = g.get(0);
            if (v.isEmpty()) {
                out.add(new Median(f.db(), f.config(), f.scenario(), f.step(), f.x(), f.metric(), f.unit(),
                        Double.NaN, Double.NaN, Double.NaN, 0));
                continue;
            }
            int n = v.size();
            double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
            out.add(new Median(f.db(), f.config(), f.scenario(), f.step(), f.x(), f.metric(), f.unit(), median,
                    v.get(0), v.get(n - 1), n));
        }
        return out;
    }

    synchronized void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Median> medians = medians();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("note", "Figures are only meaningful from a --scale=full run on an otherwise idle machine;"
                + " see docs/benchmarks.md.");
        all.put("environment", environment);
        all.put("settings", settings);
        all.put("medians", medians);
        all.put("rows", new ArrayList<>(rows));
        all.put("runs", new ArrayList<>(runs));
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve("results.json").toFile(), all);

        StringBuilder csv = new StringBuilder("rep,db,config,scenario,step,x,metric,value,unit\n");
        synchronized (rows) {
            for (Row r : rows) {
                csv.append(r.rep()).append(',').append(r.db()).append(',').append(r.config()).append(',')
                        .append(r.scenario()).append(',').append(csvText(r.step())).append(',').append(num(r.x()))
                        .append(',').append(r.metric()).append(',').append(num(r.value())).append(',').append(r.unit())
                        .append('\n');
            }
        }
        Files.writeString(dir.resolve("results.csv"), csv, StandardCharsets.UTF_8);

        StringBuilder sum = new StringBuilder("db,config,scenario,step,x,metric,unit,median,min,max,n\n");
        for (Median m : medians) {
            sum.append(m.db()).append(',').append(m.config()).append(',').append(m.scenario()).append(',')
                    .append(csvText(m.step())).append(',').append(num(m.x())).append(',').append(m.metric()).append(',')
                    .append(m.unit()).append(',').append(num(m.median())).append(',').append(num(m.min())).append(',')
                    .append(num(m.max())).append(',').append(m.n()).append('\n');
        }
        Files.writeString(dir.resolve("summary.csv"), sum, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.md"), markdown(medians), StandardCharsets.UTF_8);
    }

    /** One table per scenario: a line per database, configuration and step; a column per metric (median over repetitions). */
    private String markdown(List<Median> medians) {
        StringBuilder md = new StringBuilder("# Supporto benchmark: medians\n\n");
        md.append("Scale: ").append(settings.getOrDefault("scale", "?")).append(". ");
        md.append("Each cell is the median over the repetitions (n in the last column). ");
        md.append("Environment and settings: results.json.\n");
        Map<String, List<Median>> byScenario = new LinkedHashMap<>();
        for (Median m : medians) {
            byScenario.computeIfAbsent(m.scenario(), k -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<String, List<Median>> s : byScenario.entrySet()) {
            Set<String> metrics = new LinkedHashSet<>();
            Map<List<Object>, Map<String, Median>> lines = new TreeMap<>(Comparator
                    .comparing((List<Object> k) -> (String) k.get(0))
                    .thenComparing(k -> (String) k.get(1))
                    .thenComparing(k -> (Double) k.get(2))
                    .thenComparing(k -> (String) k.get(3)));
            for (Median m : s.getValue()) {
                String col = m.metric() + (m.unit().isEmpty() ? "" : " (" + m.unit() + ")");
                metrics.add(col);
                lines.computeIfAbsent(List.of(m.db(), m.config(), m.x(), m.step()), k -> new LinkedHashMap<>())
                        .put(col, m);
            }
            md.append("\n## ").append(s.getKey()).append("\n\n| db | config | step |");
            metrics.forEach(c -> md.append(' ').append(c).append(" |"));
            md.append(" n |\n|---|---|---|");
            metrics.forEach(c -> md.append("---|"));
            md.append("---|\n");
            for (Map.Entry<List<Object>, Map<String, Median>> line : lines.entrySet()) {
                md.append("| ").append(line.getKey().get(0)).append(" | ").append(line.getKey().get(1)).append(" | ")
                        .append(line.getKey().get(3)).append(" |");
                int n = 0;
                for (String c : metrics) {
                    Median m = line.getValue().get(c);
                    md.append(' ').append(m == null ? "" : fmt(m.median())).append(" |");
                    n = Math.max(n, m == null ? 0 : m.n());
                }
                md.append(' ').append(n).append(" |\n");
            }
        }
        return md.toString();
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return a >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%s", v);
    }

    private static String csvText(String s) {
        return s.contains(",") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
