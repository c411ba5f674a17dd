package dev.ratchet.bench.ratchet;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;

/**
 * W3's recursive async function, hand-written in the shape of the processor's output for:
 *
 * <pre>{@code
 * @Async static long chain(int depth) {
 *     return depth == 1 ? await(Futures.ready(1L)) : chain(depth - 1) + 1;   // implicit await
 * }
 * }</pre>
 */
final class Chain implements Future<Long> {
    private final int depth;
    private Future<Long> awaiting;

    Chain(int depth) {
        this.depth = depth;
    }

    @Override
    public Poll<Long> poll(Context cx) {
        if (awaiting == null) awaiting = depth == 1 ? Futures.ready(1L) : new Chain(depth - 1);
        if (Await.mustYield(cx)) return Poll.pending();
        Poll<Long> p = awaiting.poll(cx);
        if (p.isPending()) return Poll.pending();
        awaiting = null;
        return Poll.ready(depth == 1 ? p.value() : p.value() + 1);
    }
}
