package dev.ratchet.bench;

/**
 * The sizes of the workloads (the W1–W5), shared by every contender so all measure the
 * same thing, and the checks every run applies to its own result.
 *
 * <pre>{@code
 * long sum = runSpawn(Workloads.SPAWN_TASKS);
 * Workloads.expectSpawnSum(sum);
 * }</pre>
 */
public final class Workloads {
    private Workloads() {}

    /** W1: tasks spawned per operation; each yields twice and returns its index. */
    public static final int SPAWN_TASKS = 100_000;
    /** W1: how many times each spawned task yields. */
    public static final int SPAWN_YIELDS = 2;
    /** W2: round trips through two bounded channels of capacity 1. */
    public static final int PING_PONG_ROUND_TRIPS = 100_000;
    /**
     * W3: depth of the recursive async chain: {@code chain(d)} awaits {@code chain(d - 1)} and adds
     * one; {@code chain(1)} awaits an already-complete future of 1. So one chain is {@code d}
     * awaits and evaluates to {@code d}.
     */
    public static final int CHAIN_DEPTH = 50;
    /** W3: chains awaited per operation. */
    public static final int CHAIN_REPETITIONS = 10_000;
    /** W3: awaits per operation (one per level, per chain). */
    public static final int CHAIN_AWAITS = CHAIN_DEPTH * CHAIN_REPETITIONS;
    /** W4: tasks suspended at once. */
    public static final int FOOTPRINT_TASKS = 200_000;
    /** W5: concurrent sleeps. */
    public static final int TIMERS = 100_000;
    /** W5: sleeps last 1–50 ms. */
    public static final int TIMER_MIN_MS = 1;
    public static final int TIMER_MAX_MS = 50;
    /** W5: seed of the sleep durations (fixed: every contender sleeps the same durations). */
    public static final long TIMER_SEED = 0x5EED_CAFEL;

    /** W1: the sum of the indexes 0..n-1. */
    public static void expectSpawnSum(long sum) {
        expect(sum, (long) SPAWN_TASKS * (SPAWN_TASKS - 1) / 2, "W1 sum of task indexes");
    }

    /** W2: the counter after all round trips (each side adds one per trip). */
    public static void expectPingPong(long counter) {
        expect(counter, 2L * PING_PONG_ROUND_TRIPS, "W2 counter after round trips");
    }

    /** W3: each chain evaluates to its depth. */
    public static void expectChainTotal(long total) {
        expect(total, (long) CHAIN_DEPTH * CHAIN_REPETITIONS, "W3 total of chain results");
    }

    /** Throws if {@code actual} is not {@code expected}: a benchmark that computes the wrong thing measures nothing. */
    public static void expect(long actual, long expected, String what) {
        if (actual != expected) {
            throw new AssertionError(what + ": expected " + expected + " but got " + actual);
        }
    }
}
