package dev.ratchet.processor.fuzz;

import dev.ratchet.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What generated programs call, in both their {@code @Async} form and their synchronous twin: test
 * futures ({@link #io}), the side-effect log, a logging resource and the program's exceptions.
 * One program runs at a time (the state is static, like {@code harness.Io}); the log is
 * synchronized because a multi-threaded executor polls on its workers.
 */
public final class Fx {
    private static volatile Plan plan = Plan.of(dev.ratchet.processor.harness.Schedule.READY);
    private static final AtomicInteger created = new AtomicInteger();
    private static volatile int reached;
    private static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

    private Fx() {}

    /** Starts a run: fresh log, future numbering from 1, no cancellation yet. */
    static void reset(Plan p) {
        plan = p;
        created.set(0);
        reached = 0;
        LOG.clear();
        Ref.cancelled = false;
    }

    static List<String> logged() {
        synchronized (LOG) {
            return List.copyOf(LOG);
        }
    }

    /** Futures created so far in this run (= awaits of test futures started). */
    static int created() {
        return created.get();
    }

    /** Whether the never-completing future of a cancellation run has been awaited. */
    static boolean neverReached() {
        return reached != 0;
    }

    static void reached(int index) {
        reached = index;
    }

    /** A test future of {@code value}, completing as the current plan says for its number. */
    public static <T> Future<T> io(T value) {
        int index = created.incrementAndGet();
        return new TestFuture<>(index, value, plan.behaviourOf(index));
    }

    public static void log(Object entry) {
        LOG.add(String.valueOf(entry));
    }

    /** Logs {@code value} and returns it: makes the evaluation order of operands visible. */
    public static int tap(int value) {
        log("tap " + value);
        return value;
    }

    /** Keeps strings short, so a loop that doubles a string cannot blow up. */
    public static String cap(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24);
    }

    /** The case labels of string switches. */
    static final List<String> WORDS = List.of("a", "bc", "", "xyz", "q r");

    /** The word a string switch switches on: one of {@link #WORDS}, or (for 5, 6 mod 7) another. */
    public static String word(int i) {
        int k = Math.floorMod(i, 7);
        return k < WORDS.size() ? WORDS.get(k) : "other" + k;
    }

    /** A mutable list of {@code xs}: cheaper for javac to type than {@code new ArrayList<>(List.of(..))}. */
    public static ArrayList<Integer> list(int... xs) {
        ArrayList<Integer> list = new ArrayList<>(xs.length);
        for (int x : xs) list.add(x);
        return list;
    }

    /** Throws a checked {@link Checked} when {@code fail}; lets a try catch checked exceptions. */
    public static void maybeThrow(boolean fail, String id) throws Exception {
        if (fail) throw new Checked(id);
    }

    /**
     * A comparable description of an exception: class, message and suppressed ones. The message
     * of a {@link CancellationException} is left out: where it was created is not part of the
     * contract.
     */
    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.getClass().getName());
        if (!(t instanceof CancellationException)) sb.append(": ").append(t.getMessage());
        // The async backtrace the state machines attach is diagnostics, not the program's meaning.
        Throwable[] suppressed = Arrays.stream(t.getSuppressed())
                .filter(x -> !(x instanceof dev.ratchet.debug.AsyncBacktrace)).toArray(Throwable[]::new);
        if (suppressed.length > 0) {
            sb.append(" suppressed ").append(Arrays.stream(suppressed).map(Fx::describe).toList());
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** The unchecked exception programs throw. */
    public static final class Boom extends RuntimeException {
        public Boom(String message) {
            super(message);
        }
    }

    /** The checked exception programs throw. */
    public static final class Checked extends Exception {
        public Checked(String message) {
            super(message);
        }
    }

    /** A resource that logs its opening and closing, and may fail to close. */
    public static final class Res implements AutoCloseable {
        public final String name;
        private final boolean failOnClose;

        public Res(String name, boolean failOnClose) {
            this.name = name;
            this.failOnClose = failOnClose;
            log("open " + name);
        }

        @Override
        public void close() throws Exception {
            log("close " + name);
            if (failOnClose) throw new Boom("close " + name);
        }

        @Override
        public String toString() {
            return "Res(" + name + ")";
        }
    }
}
