package dev.ratchet.bench;

import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A cross-check of W1–W3 that resists load from elsewhere on a shared machine: the three
 * contenders' benchmark methods run in one JVM, one operation at a time, in rotating order, so a
 * burst of outside load hits them alike; the best and the median operation of each are reported.
 * JMH remains the reference figure; this one says how far the JMH means moved with the load.
 *
 * <pre>{@code
 * java -cp ratchet-benchmarks.jar dev.ratchet.bench.Alternated target/results/alternated.properties
 * }</pre>
 */
public final class Alternated {
    private Alternated() {}

    private static final String[] BENCH_CLASSES = {
        "dev.ratchet.bench.ratchet.RatchetBench",
        "dev.ratchet.bench.vthreads.VirtualThreadBench",
        "dev.ratchet.bench.cf.CompletableFutureBench",
    };
    private static final String[] CONTENDERS = {"ratchet", "vthreads", "cf"};
    private static final String[] METHODS = {"w1Spawn", "w2PingPong", "w3Chain"};
    private static final int[] OPS = {Workloads.SPAWN_TASKS, Workloads.PING_PONG_ROUND_TRIPS, Workloads.CHAIN_AWAITS};
    private static final int WARMUP = 15;
    private static final int MEASURED = 30;

    public static void main(String[] args) throws Throwable {
        if (args.length != 1) {
            System.err.println("usage: Alternated OUTPUT.properties");
            System.exit(2);
        }
        List<Object> benches = new ArrayList<>();
        for (String cls : BENCH_CLASSES) {
            Object bench = Class.forName(cls).getDeclaredConstructor().newInstance();
            bench.getClass().getMethod("start").invoke(bench);
            benches.add(bench);
        }
        Properties out = new Properties();
        try {
            for (int w = 0; w < METHODS.length; w++) alternate(benches, CONTENDERS, METHODS[w], OPS[w], out);
            observabilityOnOff(out);
        } finally {
            for (Object bench : benches) bench.getClass().getMethod("stop").invoke(bench);
        }
        out.setProperty("measuredPerContender", Integer.toString(MEASURED));
        out.setProperty("warmupPerContender", Integer.toString(WARMUP));
        try (Writer writer = Files.newBufferedWriter(Path.of(args[0]))) {
            out.store(writer, "W1-W3 alternated");
        }
        System.exit(0);
    }

    /**
     * W1 and W3 on the default executor (observability on) against one built with {@code
     * longPollThreshold(Duration.ZERO)}, alternated one operation at a time in this JVM: the
     * issue's 5% overhead budget is below what separate JMH forks resolve on a shared machine.
     * Both executors are created here, together: an executor created long before the other (the
     * first bench's, which ran W1-W3 above) measured up to a third slower on W1 than a new one,
     * watchdog or not, which would be counted as overhead. Keys {@code obsOn.<method>.*} and
     * {@code obsOff.<method>.*}.
     */
    private static void observabilityOnOff(Properties out) throws Throwable {
        Object on = Class.forName(BENCH_CLASSES[0]).getDeclaredConstructor().newInstance();
        Object off = Class.forName("dev.ratchet.bench.ratchet.RatchetObservabilityOffBench").getDeclaredConstructor()
                .newInstance();
        on.getClass().getMethod("start").invoke(on);
        off.getClass().getMethod("start").invoke(off);
        try {
            List<Object> pair = List.of(on, off);
            String[] names = {"obsOn", "obsOff"};
            alternate(pair, names, "w1Spawn", Workloads.SPAWN_TASKS, out);
            alternate(pair, names, "w3Chain", Workloads.CHAIN_AWAITS, out);
        } finally {
            off.getClass().getMethod("stop").invoke(off);
            on.getClass().getMethod("stop").invoke(on);
        }
    }

    /**
     * Runs {@code method} on every bench in turn, one operation at a time and rotating who goes
     * first, {@value #WARMUP} warm-up and {@value #MEASURED} measured rounds; stores the best and
     * median operation of each as {@code <name>.<method>.best|median} (operations per second).
     */
    private static void alternate(List<Object> benches, String[] names, String method, int ops, Properties out)
            throws Throwable {
        int n = benches.size();
        long[][] nanos = new long[n][MEASURED];
        for (int round = 0; round < WARMUP + MEASURED; round++) {
            for (int k = 0; k < n; k++) {
                int c = (round + k) % n; // rotate who goes first
                Object bench = benches.get(c);
                Method m = bench.getClass().getMethod(method);
                long start = System.nanoTime();
                invoke(m, bench);
                long elapsed = System.nanoTime() - start;
                if (round >= WARMUP) nanos[c][round - WARMUP] = elapsed;
            }
        }
        for (int c = 0; c < n; c++) {
            long[] sorted = nanos[c].clone();
            Arrays.sort(sorted);
            String key = names[c] + "." + method;
            out.setProperty(key + ".best", perSecond(ops, sorted[0]));
            out.setProperty(key + ".median", perSecond(ops, sorted[MEASURED / 2]));
            System.out.println(key + " best " + out.getProperty(key + ".best")
                    + "/s, median " + out.getProperty(key + ".median") + "/s");
        }
    }

    private static void invoke(Method m, Object bench) throws Throwable {
        try {
            m.invoke(bench);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // a workload whose check failed: fail the run
        }
    }

    private static String perSecond(int ops, long nanos) {
        return String.format(Locale.ROOT, "%.0f", ops / (nanos / 1e9));
    }
}
