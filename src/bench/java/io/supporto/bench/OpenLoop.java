package io.supporto.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A fixed-rate (open-loop) arrival generator: request i is due at start + i/rate whether or not
 * earlier ones have been answered, and its latency is counted from that intended send time, not
 * from when it actually left (no coordinated omission: a stalled server is charged for the whole
 * time each arrival waited, including the time the generator itself was held up). In-flight
 * requests are capped; an arrival that finds the cap reached is not sent and counts as an error
 * ("shed").
 */
final class OpenLoop {

    /** What one operation reports: success, or the name of the failure (HTTP status, exception). */
    record Outcome(boolean ok, String error) {
        static final Outcome OK = new Outcome(true, null);

        static Outcome failed(String error) {
            return new Outcome(false, error);
        }
    }

    record Result(double rate, double seconds, long offered, long sent, long ok, long okInWindow, long errors,
                  long shed, Map<String, Long> errorKinds, Histogram latencyMicros, double lateSendMaxMs,
                  double drainSeconds) {

        /** Successful completions within the window, per second of the window. */
        double acceptedPerSecond() {
            return seconds > 0 ? okInWindow / seconds : Double.NaN;
        }

        double errorRate() {
            return offered == 0 ? 0 : (double) (errors + shed) / offered;
        }
    }

    private OpenLoop() {
    }

    static Histogram newHistogram() {
        // microseconds, up to 1 hour, 3 significant digits
        return new Histogram(TimeUnit.HOURS.toMicros(1), 3);
    }

    static Result run(double rate, double seconds, int maxInFlight, double drainTimeoutSeconds,
                      Supplier<CompletableFuture<Outcome>> operation) throws InterruptedException {
        return run(rate, seconds, maxInFlight, drainTimeoutSeconds, () -> false, operation);
    }

    /** As above, but ends early (between arrivals) once {@code stop} says so. */
    static Result run(double rate, double seconds, int maxInFlight, double drainTimeoutSeconds, BooleanSupplier stop,
                      Supplier<CompletableFuture<Outcome>> operation) throws InterruptedException {
        Recorder recorder = new Recorder(TimeUnit.HOURS.toMicros(1), 3);
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong ok = new AtomicLong();
        AtomicLong okInWindow = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, Long> errorKinds = new ConcurrentHashMap<>();
        long shed = 0;
        long sent = 0;
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long plannedEnd = start + (long) (seconds * 1e9);
        long end = plannedEnd;
        AtomicLong windowEnd = new AtomicLong(plannedEnd);
        long lateMax = 0;
        long offered = 0;
        for (long i = 0; ; i++) {
            long intended = start + i * intervalNanos;
            if (intended >= end) {
                break;
            }
            if (stop.getAsBoolean()) {
                end = intended;
                windowEnd.set(intended);
                break;
            }
            offered++;
            long now;
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(intended - now);
            }
            lateMax = Math.max(lateMax, now - intended);
            if (!inFlight.tryAcquire()) {
                shed++;
                errorKinds.merge("shed (in-flight cap " + maxInFlight + ")", 1L, Long::sum);
                continue;
            }
            sent++;
            CompletableFuture<Outcome> f;
            try {
                f = operation.get();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((outcome, ex) -> {
                long done = System.nanoTime();
                recorder.recordValue(Math.max(1, Math.min(TimeUnit.HOURS.toMicros(1), (done - intended) / 1000)));
                if (ex == null && outcome.ok()) {
                    ok.incrementAndGet();
                    if (done <= windowEnd.get()) {
                        okInWindow.incrementAndGet();
                    }
                } else {
                    errors.incrementAndGet();
                    String kind = ex != null ? rootName(ex) : outcome.error();
                    errorKinds.merge(kind, 1L, Long::sum);
                }
                inFlight.release();
            });
        }
        long drainStart = System.nanoTime();
        boolean drained = inFlight.tryAcquire(maxInFlight, (long) (drainTimeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        if (drained) {
            inFlight.release(maxInFlight);
        } else {
            errorKinds.merge("still in flight at drain timeout", (long) (maxInFlight - inFlight.availablePermits()), Long::sum);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        double window = (Math.min(end, plannedEnd) - start) / 1e9;
        return new Result(rate, window, offered, sent, ok.get(), okInWindow.get(), errors.get(), shed,
                new TreeMap<>(errorKinds), recorder.getIntervalHistogram(), lateMax / 1e6, drainSeconds);
    }

    static String rootName(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
