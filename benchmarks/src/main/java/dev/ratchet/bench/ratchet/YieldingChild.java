package dev.ratchet.bench.ratchet;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import dev.ratchet.bench.Workloads;

/**
 * W1's child task, hand-written in the shape of the processor's output for:
 *
 * <pre>{@code
 * @Async static int child(int index) {
 *     for (int y = 0; y < SPAWN_YIELDS; y++) await(Futures.yieldNow());
 *     return index;
 * }
 * }</pre>
 */
final class YieldingChild implements Future<Integer> {
    private final int index;
    private int y;
    private Future<Void> awaiting;

    YieldingChild(int index) {
        this.index = index;
    }

    @Override
    public Poll<Integer> poll(Context cx) {
        while (true) {
            if (awaiting == null) {                      // loop head (line: for ...)
                if (y == Workloads.SPAWN_YIELDS) return Poll.ready(index);
                awaiting = Futures.yieldNow();
            }
            if (Await.mustYield(cx)) return Poll.pending(); // AWAIT_YIELD (line: await(yieldNow()))
            if (awaiting.poll(cx).isPending()) return Poll.pending();
            awaiting = null;
            y++;
        }
    }
}
