package dev.ratchet.bench.ratchet;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;

/**
 * W3's driver task, hand-written in the shape of the processor's output for:
 *
 * <pre>{@code
 * @Async static long chains(int repetitions, int depth) {
 *     long total = 0;
 *     for (int r = 0; r < repetitions; r++) total += chain(depth);
 *     return total;
 * }
 * }</pre>
 */
final class Chains implements Future<Long> {
    private final int repetitions;
    private final int depth;
    private int r;
    private long total;
    private Future<Long> awaiting;

    Chains(int repetitions, int depth) {
        this.repetitions = repetitions;
        this.depth = depth;
    }

    @Override
    public Poll<Long> poll(Context cx) {
        for (; r < repetitions; r++) {
            if (awaiting == null) awaiting = new Chain(depth);
            if (Await.mustYield(cx)) return Poll.pending();
            Poll<Long> p = awaiting.poll(cx);
            if (p.isPending()) return Poll.pending();
            awaiting = null;
            total += p.value();
        }
        return Poll.ready(total);
    }
}
