package dev.ratchet.bench.ratchet;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Futures;

/**
 * W3 written as {@code @Async} methods: the processor generates the state machines that {@link
 * Chain} and {@link Chains} imitate by hand, so the two can be compared in one run (issue target:
 * the generated chain costs at most 1.2x the hand-written one).
 */
final class AsyncChains {
    private AsyncChains() {}

    /** Evaluates to {@code depth}: each level awaits the level below and adds one. */
    @Async
    static long chain(int depth) {
        if (depth == 1) return await(Futures.ready(1L));
        long below = chain(depth - 1); // implicit await of the @Async method
        return below + 1;
    }

    /** Awaits {@code repetitions} chains of {@code depth} and sums their results. */
    @Async
    static long chains(int repetitions, int depth) {
        long total = 0;
        for (int r = 0; r < repetitions; r++) {
            long one = chain(depth);
            total += one;
        }
        return total;
    }
}
