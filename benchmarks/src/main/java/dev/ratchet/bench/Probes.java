package dev.ratchet.bench;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The workloads JMH cannot measure, one contender per JVM: W4 (retained heap per suspended task)
 * and W5 (100 000 concurrent sleeps: wall time, lateness, live threads). Writes its figures as a
 * properties file for {@link ResultsReport}.
 *
 * <pre>{@code
 * java -XX:+UseSerialGC -cp ratchet-benchmarks.jar dev.ratchet.bench.Probes w4 ratchet target/results/w4-ratchet.properties
 * }</pre>
 */
public final class Probes {
    private Probes() {}

    /** W5 runs measured after one warm-up run. */
    private static final int TIMER_RUNS = 3;

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Probes w4|w5 ratchet|vthreads|cf OUTPUT.properties");
            System.exit(2);
        }
        Properties out = new Properties();
        out.setProperty("contender", args[1]);
        out.setProperty("jdk", Runtime.version().toString());
        try (Contender contender = Contender.named(args[1])) {
            switch (args[0]) {
                case "w4" -> footprint(contender, out);
                case "w5" -> timers(contender, out);
                default -> throw new IllegalArgumentException("unknown probe '" + args[0] + "': use w4 or w5");
            }
        }
        Path file = Path.of(args[2]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file)) {
            out.store(w, args[0] + " " + args[1]);
        }
        out.forEach((k, v) -> System.out.println(args[0] + " " + k + " = " + v));
        System.exit(0); // the contender's threads are stopped, but don't let a stray one keep us alive
    }

    private static void footprint(Contender contender, Properties out) throws Exception {
        int n = Workloads.FOOTPRINT_TASKS;
        long h0 = usedHeapAfterGc();
        Contender.Prepared prepared = contender.prepare(n);
        long h1 = usedHeapAfterGc();
        Map<String, long[]> before = ClassHistogram.take();
        Contender.Suspension suspension = prepared.suspend();
        long h2 = usedHeapAfterGc();
        Map<String, long[]> after = ClassHistogram.take();
        Reference.reachabilityFence(prepared); // keep what we measure alive through the GCs
        suspension.release();
        Reference.reachabilityFence(suspension);
        out.setProperty("tasks", Integer.toString(n));
        out.setProperty("waitObjectBytesPerTask", Long.toString((h1 - h0) / n));
        out.setProperty("bytesPerSuspendedTask", Long.toString((h2 - h1) / n));
        out.setProperty("totalBytesPerTask", Long.toString((h2 - h0) / n));
        List<String> top = ClassHistogram.topGrowth(before, after, n, 8);
        for (int i = 0; i < top.size(); i++) out.setProperty("perTaskClass." + (i + 1), top.get(i));
    }

    /** Used heap after full collections, once two consecutive readings agree within 1%. */
    private static long usedHeapAfterGc() throws InterruptedException {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(50); // let reference processing and any concurrent phase finish
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(used - previous) <= used / 100) return used;
            previous = used;
        }
        return previous;
    }

    private static void timers(Contender contender, Properties out) throws Exception {
        long[] delays = new long[Workloads.TIMERS];
        Random random = new Random(Workloads.TIMER_SEED);
        for (int i = 0; i < delays.length; i++) {
            delays[i] = (Workloads.TIMER_MIN_MS
                    + random.nextInt(Workloads.TIMER_MAX_MS - Workloads.TIMER_MIN_MS + 1)) * 1_000_000L;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        contender.sleepAll(delays); // warm-up
        out.setProperty("threadsBefore", Integer.toString(threads.getThreadCount()));
        long[] walls = new long[TIMER_RUNS];
        long[] p99s = new long[TIMER_RUNS];
        long worst = Long.MIN_VALUE;
        long early = 0;
        int maxThreads = 0;
        int minThreads = Integer.MAX_VALUE;
        for (int run = 0; run < TIMER_RUNS; run++) {
            ThreadSampler sampler = new ThreadSampler(threads);
            long start = System.nanoTime();
            long[] lateness = contender.sleepAll(delays);
            walls[run] = System.nanoTime() - start;
            int[] range = sampler.stop();
            minThreads = Math.min(minThreads, range[0]);
            maxThreads = Math.max(maxThreads, range[1]);
            if (lateness.length != delays.length) {
                throw new AssertionError("W5: " + lateness.length + " sleeps reported, " + delays.length + " started");
            }
            Arrays.sort(lateness);
            for (long l : lateness) if (l < 0) early++;
            worst = Math.max(worst, lateness[lateness.length - 1]);
            p99s[run] = lateness[(int) (lateness.length * 0.99)];
        }
        Arrays.sort(walls);
        Arrays.sort(p99s);
        out.setProperty("timers", Integer.toString(delays.length));
        out.setProperty("runs", Integer.toString(TIMER_RUNS));
        out.setProperty("wallMillisMedian", millis(walls[TIMER_RUNS / 2]));
        out.setProperty("latenessMillisP99Median", millis(p99s[TIMER_RUNS / 2]));
        out.setProperty("latenessMillisWorst", millis(worst));
        out.setProperty("earlyWakes", Long.toString(early));
        out.setProperty("threadsMinDuringRuns", Integer.toString(minThreads));
        out.setProperty("threadsMaxDuringRuns", Integer.toString(maxThreads));
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6);
    }

    /** Samples the number of live platform threads every millisecond on its own thread. */
    private static final class ThreadSampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile int min = Integer.MAX_VALUE;
        private volatile int max;

        ThreadSampler(ThreadMXBean threads) {
            Thread t = new Thread(() -> {
                try {
                    while (running.get()) {
                        int count = threads.getThreadCount();
                        if (count < min) min = count;
                        if (count > max) max = count;
                        Thread.sleep(1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    stopped.countDown();
                }
            }, "thread-sampler");
            t.setDaemon(true);
            t.start();
        }

        /** Stops sampling; returns {min, max}. */
        int[] stop() throws InterruptedException {
            running.set(false);
            stopped.await();
            return new int[] {min, max};
        }
    }

}
