package io.supporto.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The driver's settings: {@code --key=value} (or {@code --key value}) on the command line, over the
 * defaults of the chosen scale ({@code --scale=full}, the real measurement, or {@code --scale=smoke}, a
 * few seconds of load that only proves the driver works). Every setting used is written to the results.
 */
final class Options {

    /** Defaults of the real measurement (the figures). */
    private static final Map<String, String> FULL = new LinkedHashMap<>();
    /** A tiny run: proves each scenario works end to end, measures nothing worth reporting. */
    private static final Map<String, String> SMOKE = new LinkedHashMap<>();

    static {
        FULL.put("repeats", "3");
        FULL.put("scenarios", "rawdb,intake,lifecycle,storm,sparse,memory");
        FULL.put("dbs", "h2,postgres");
        FULL.put("configs", "app,stock");
        FULL.put("out", "target/bench");
        FULL.put("jar", "");
        FULL.put("app-profiles", "");
        FULL.put("app-jvm-opts", "");
        FULL.put("app-args", "");
        FULL.put("stock-authorization-off", "false");
        FULL.put("startup-timeout-seconds", "300");
        FULL.put("request-timeout-seconds", "30");
        FULL.put("keep-dbs", "false");
        FULL.put("pg-host", "127.0.0.1");
        FULL.put("pg-port", "5432");
        FULL.put("pg-user", "supporto");
        FULL.put("pg-password", "supporto");
        FULL.put("pg-createdb", "su postgres -c 'createdb -O {user} {db}'");
        FULL.put("pg-dropdb", "su postgres -c 'dropdb --if-exists {db}'");
        // 1. intake: open-loop steps
        FULL.put("intake-rates", "50,100,200,300,500,700");
        FULL.put("intake-step-seconds", "60");
        FULL.put("intake-warmup-rate", "20");
        FULL.put("intake-warmup-seconds", "30");
        FULL.put("intake-pause-seconds", "10");
        FULL.put("intake-max-in-flight", "1000");
        FULL.put("intake-stop-at-bend", "true");
        FULL.put("intake-bend-ratio", "0.9");
        // 2. lifecycle: closed loop, then (PostgreSQL) the round-trip count through the wire counter
        FULL.put("lifecycle-concurrency", "4,8,16");
        FULL.put("lifecycle-seconds", "60");
        FULL.put("lifecycle-warmup-seconds", "20");
        FULL.put("claim", "false");
        FULL.put("count-lifecycles", "200");
        FULL.put("count-warmup", "20");
        FULL.put("count-idle-seconds", "30");
        // 3. timer storm and sparse timers
        FULL.put("storm-cases", "10000");
        FULL.put("storm-open-concurrency", "8");
        FULL.put("storm-phases", "idle,load");
        FULL.put("storm-load-fraction", "0.5");
        FULL.put("storm-load-rate", "");
        FULL.put("storm-min-lead-seconds", "60");
        FULL.put("storm-pilot-cases", "300");
        FULL.put("storm-drain-timeout-seconds", "1800");
        FULL.put("storm-timelines", "always");
        FULL.put("sparse-cases", "60");
        FULL.put("sparse-interval-seconds", "5");
        FULL.put("sparse-target-seconds", "30");
        // 4. memory
        FULL.put("memory-checkpoints", "10000,100000");
        FULL.put("memory-open-concurrency", "8");
        FULL.put("memory-settle-seconds", "10");
        // DB raw limit
        FULL.put("rawdb-concurrency", "1,10");
        FULL.put("rawdb-seconds", "30");

        SMOKE.putAll(FULL);
        SMOKE.put("repeats", "1");
        SMOKE.put("intake-rates", "5");
        SMOKE.put("intake-step-seconds", "5");
        SMOKE.put("intake-warmup-rate", "2");
        SMOKE.put("intake-warmup-seconds", "0");
        SMOKE.put("intake-pause-seconds", "1");
        SMOKE.put("lifecycle-concurrency", "2");
        SMOKE.put("lifecycle-seconds", "5");
        SMOKE.put("lifecycle-warmup-seconds", "0");
        SMOKE.put("count-lifecycles", "3");
        SMOKE.put("count-warmup", "1");
        SMOKE.put("count-idle-seconds", "3");
        SMOKE.put("storm-cases", "20");
        SMOKE.put("storm-open-concurrency", "2");
        SMOKE.put("storm-load-rate", "1");
        SMOKE.put("storm-min-lead-seconds", "15");
        SMOKE.put("storm-pilot-cases", "5");
        SMOKE.put("storm-drain-timeout-seconds", "150");
        SMOKE.put("sparse-cases", "3");
        SMOKE.put("sparse-interval-seconds", "3");
        SMOKE.put("sparse-target-seconds", "10");
        SMOKE.put("memory-checkpoints", "10,30");
        SMOKE.put("memory-open-concurrency", "2");
        SMOKE.put("memory-settle-seconds", "2");
        SMOKE.put("rawdb-concurrency", "1,2");
        SMOKE.put("rawdb-seconds", "2");
    }

    final String scale;
    private final Map<String, String> values;

    private Options(String scale, Map<String, String> values) {
        this.scale = scale;
        this.values = values;
    }

    static Options parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                given.put("help", "true");
                continue;
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a + " (options are --key=value)");
            }
            String key;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                key = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                key = a.substring(2);
                value = args[++i];
            } else {
                key = a.substring(2);
                value = "true";
            }
            given.put(key, value);
        }
        String scale = given.getOrDefault("scale", "full");
        Map<String, String> base = switch (scale) {
            case "full" -> FULL;
            case "smoke" -> SMOKE;
            default -> throw new IllegalArgumentException("--scale must be full or smoke, not " + scale);
        };
        Map<String, String> values = new LinkedHashMap<>(base);
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getKey().equals("scale") || e.getKey().equals("help")) {
                continue;
            }
            if (!base.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown option --" + e.getKey() + "; known: " + base.keySet());
            }
            values.put(e.getKey(), e.getValue());
        }
        if (given.containsKey("help")) {
            values.put("help", "true");
        }
        return new Options(scale, values);
    }

    static String usage() {
        StringBuilder s = new StringBuilder("""
                bench/run.sh [--scale=full|smoke] [--key=value ...]

                Runs the Supporto benchmark (docs/benchmarks.md): starts the app jar itself per scenario,
                configuration and database, drives it over HTTP and writes target/bench/.
                Options and their defaults at --scale=full (smoke defaults in parentheses where different):
                """);
        for (Map.Entry<String, String> e : FULL.entrySet()) {
            String smoke = SMOKE.get(e.getKey());
            s.append("  --").append(e.getKey()).append('=').append(e.getValue());
            if (!smoke.equals(e.getValue())) {
                s.append("   (").append(smoke).append(')');
            }
            s.append('\n');
        }
        return s.toString();
    }

    boolean help() {
        return values.containsKey("help");
    }

    String str(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no option " + key);
        }
        return v;
    }

    int integer(String key) {
        return Integer.parseInt(str(key).trim());
    }

    double dbl(String key) {
        return Double.parseDouble(str(key).trim());
    }

    boolean bool(String key) {
        return Boolean.parseBoolean(str(key).trim());
    }

    List<String> list(String key) {
        List<String> out = new ArrayList<>();
        for (String s : str(key).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    List<Integer> ints(String key) {
        return list(key).stream().map(Integer::parseInt).toList();
    }

    List<Double> doubles(String key) {
        return list(key).stream().map(Double::parseDouble).toList();
    }

    /** Whitespace-separated words (JVM options, extra app arguments). */
    List<String> words(String key) {
        String v = str(key).trim();
        return v.isEmpty() ? List.of() : Arrays.asList(v.split("\\s+"));
    }

    Path out() {
        return Path.of(str("out")).toAbsolutePath();
    }

    Map<String, String> asMap() {
        Map<String, String> m = new TreeMap<>(values);
        m.remove("pg-password");
        m.put("scale", scale);
        return m;
    }
}
