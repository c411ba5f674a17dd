package dev.ratchet.bench;

/**
 * One system under comparison in the plain-main probes (W4 footprint, W5 timers): Ratchet,
 * virtual threads, or CompletableFuture. The JMH workloads (W1–W3) are {@code @Benchmark} methods
 * of one class per contender instead.
 *
 * <pre>{@code
 * Contender c = Contender.named("vthreads");
 * Contender.Suspension s = c.prepare(200_000).suspend();
 * s.release();
 * }</pre>
 */
public interface Contender extends AutoCloseable {
    /** The contenders, by name, with the class that implements each. */
    enum Name {
        RATCHET("ratchet", "dev.ratchet.bench.ratchet.RatchetContender"),
        VTHREADS("vthreads", "dev.ratchet.bench.vthreads.VirtualThreadContender"),
        CF("cf", "dev.ratchet.bench.cf.CompletableFutureContender");

        public final String id;
        final String className;

        Name(String id, String className) {
            this.id = id;
            this.className = className;
        }

        public static Name of(String id) {
            for (Name n : values()) if (n.id.equals(id)) return n;
            throw new IllegalArgumentException("unknown contender '" + id + "': use ratchet, vthreads or cf");
        }
    }

    /** Instantiates the contender {@code id} (its class is loaded by name, so one can be left out of a build). */
    static Contender named(String id) throws ReflectiveOperationException {
        return (Contender) Class.forName(Name.of(id).className).getDeclaredConstructor().newInstance();
    }

    /** W4 step 1: creates what {@code n} tasks will wait on (channels, a queue, incomplete futures). */
    Prepared prepare(int n) throws Exception;

    /** W4 state after {@link #prepare}. */
    interface Prepared {
        /** W4 step 2: starts the {@code n} tasks; returns once every one of them is suspended. */
        Suspension suspend() throws Exception;
    }

    /** W4 state with every task suspended. */
    interface Suspension {
        /** Resumes every task with a message and checks what each returned; throws if wrong. */
        void release() throws Exception;
    }

    /**
     * W5: runs one concurrent sleep per entry of {@code delayNanos}, all started at once, and
     * returns each sleep's lateness ({@code measured elapsed - requested}, negative = early).
     */
    long[] sleepAll(long[] delayNanos) throws Exception;

    /** Stops the contender's threads. */
    @Override
    void close();
}
