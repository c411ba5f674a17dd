package dev.ratchet.bench.ratchet;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;

/**
 * W3's level in the leanest lazy shape found, to bound what any poll-based machine can reach
 * against CompletableFuture (issue #2's W3 target); not the processor's shape. Differences from
 * {@link Chain}:
 * <ul>
 *   <li>The new child is polled from a local and stored only if it is pending. Where the JIT
 *       inlines a level into its parent, the child then never escapes and is scalar-replaced;
 *       a child stored in a field first, or merged with the stored one, is always allocated.
 *   <li>Each await has its own straight-line path (the bottom's await of a ready future apart
 *       from the recursive one), for the same reason.
 *   <li>The machine is its own ready {@link Poll}, as generated machines are.
 * </ul>
 * The processor does not generate this shape: the code after an await would be written twice,
 * once after the first poll and once after the resuming poll, for every await of a method.
 */
final class LeanChain extends Poll<Long> implements Future<Long> {
    private final int depth;
    private Future<Long> awaiting;

    LeanChain(int depth) {
        this.depth = depth;
    }

    @Override
    public Poll<Long> poll(Context cx) {
        Poll<Long> p;
        Future<Long> resumed = awaiting;
        if (resumed != null) {
            if (Await.mustYield(cx)) return Poll.pending();
            p = resumed.poll(cx);
            if (p.isPending()) return Poll.pending();
            awaiting = null;
        } else if (depth == 1) {
            Future<Long> ready = Futures.ready(1L);
            if (Await.mustYield(cx)) return suspend(ready);
            p = ready.poll(cx);
            if (p.isPending()) return suspend(ready);
            return readyWith(p.value());
        } else {
            LeanChain below = new LeanChain(depth - 1);
            if (Await.mustYield(cx)) return suspend(below);
            p = below.poll(cx);
            if (p.isPending()) return suspend(below);
        }
        return readyWith(depth == 1 ? p.value() : p.value() + 1);
    }

    private Poll<Long> suspend(Future<Long> child) {
        awaiting = child;
        return Poll.pending();
    }
}
