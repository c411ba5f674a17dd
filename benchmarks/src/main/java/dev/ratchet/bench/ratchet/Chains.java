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
 *
 * Each await of a chain is an eager call of {@link Chain#start}; only if it suspends does this
 * machine await the chain's machine, polling it when woken.
 */
final class Chains implements Future<Long> {
    private final int repetitions;
    private final int depth;
    private final Future<?>[] handOff = new Future<?>[1];
    private int r;
    private long total;
    private Future<?> awaiting;

    Chains(int repetitions, int depth) {
        this.repetitions = repetitions;
        this.depth = depth;
    }

    @Override
    public Poll<Long> poll(Context cx) {
        for (; r < repetitions; r++) {
            long one;
            if (awaiting == null) {
                one = Chain.start(cx, handOff, depth);
                if (one == Chain.SUSPENDED && handOff[0] != null) {
                    awaiting = handOff[0];
                    handOff[0] = null;
                    return Poll.pending();
                }
            } else {
                Poll<?> p = awaiting.poll(cx);
                if (p.isPending()) return Poll.pending();
                awaiting = null;
                one = (Long) p.value();
            }
            total += one;
        }
        return Poll.ready(total);
    }
}
