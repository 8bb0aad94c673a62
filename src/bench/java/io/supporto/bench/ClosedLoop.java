package io.supporto.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A fixed number of workers, each starting its next operation when the last one ended (as fast as
 * the app allows): for maximum throughput (lifecycles) and for getting a population of cases in place
 * quickly. Stops after {@code count} operations or {@code maxSeconds}, whichever comes first; an
 * operation signals failure by throwing.
 */
final class ClosedLoop {

    interface Op {
        void run(long i) throws Exception;
    }

    record Result(int threads, double seconds, long ok, long okInWindow, long errors, Map<String, Long> errorKinds,
                  Histogram latencyMicros) {

        double perSecond() {
            return okInWindow / seconds;
        }
    }

    private ClosedLoop() {
    }

    static Result run(int threads, long count, double maxSeconds, Op op) throws InterruptedException {
        Recorder recorder = new Recorder(TimeUnit.HOURS.toMicros(1), 3);
        AtomicLong next = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong okInWindow = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, Long> kinds = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        Thread[] workers = new Thread[threads];
        for (int w = 0; w < threads; w++) {
            workers[w] = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long i = next.getAndIncrement();
                    if (i >= count) {
                        return;
                    }
                    long t0 = System.nanoTime();
                    try {
                        op.run(i);
                        long done = System.nanoTime();
                        recorder.recordValue(Math.max(1, Math.min(TimeUnit.HOURS.toMicros(1), (done - t0) / 1000)));
                        ok.incrementAndGet();
                        if (done <= deadline) {
                            okInWindow.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        String kind = e.getMessage() == null ? OpenLoop.rootName(e)
                                : e.getMessage().replaceAll("SR-\\d{4}-\\d+", "SR-…").replaceAll("[0-9a-f-]{36}", "…");
                        kinds.merge(kind.length() > 120 ? kind.substring(0, 120) : kind, 1L, Long::sum);
                    }
                }
            }, "closed-loop-" + w);
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double window = count == Long.MAX_VALUE ? maxSeconds : Math.min(maxSeconds, elapsed);
        return new Result(threads, window, ok.get(), okInWindow.get(), errors.get(), new TreeMap<>(kinds),
                recorder.getIntervalHistogram());
    }
}
