package dev.ratchet.bench.ratchet;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import dev.ratchet.runtime.JoinHandle;

/**
 * W1's parent task, hand-written in the shape of the processor's output for:
 *
 * <pre>{@code
 * @Async static long spawnAndSum(int n) {
 *     JoinHandle<Integer>[] children = new JoinHandle[n];
 *     for (int i = 0; i < n; i++) children[i] = Futures.spawn(child(i));
 *     long sum = 0;
 *     for (int i = 0; i < n; i++) sum += await(children[i]);
 *     return sum;
 * }
 * }</pre>
 */
final class SpawnAndSum implements Future<Long> {
    private final int n;
    private JoinHandle<Integer>[] children;
    private int i;
    private long sum;

    SpawnAndSum(int n) {
        this.n = n;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Poll<Long> poll(Context cx) {
        if (children == null) {                               // START
            children = new JoinHandle[n];
            for (int k = 0; k < n; k++) children[k] = Futures.spawn(new YieldingChild(k));
        }
        for (; i < n; i++) {                                  // AWAIT_CHILD (line: sum += await(children[i]))
            if (Await.mustYield(cx)) return Poll.pending();
            Poll<Integer> p = children[i].poll(cx);
            if (p.isPending()) return Poll.pending();
            sum += p.value();
            children[i] = null;                               // dead after the await: cleared
        }
        children = null;
        return Poll.ready(sum);
    }
}
