package dev.ratchet.bench.ratchet;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;

/**
 * W3's level in the eager shape that C# and Kotlin use, to measure what a processor redesign to
 * it could reach against CompletableFuture (issue #2's W3 target); not what the processor
 * generates. An await of {@code chain(d - 1)} runs the callee's body at once, as a static call
 * that returns its value, or {@link #PENDING} with the suspended callee's machine in {@code
 * out[0]}: a machine exists only once something is pending (in W3, never), so a chain of
 * immediately complete awaits allocates nothing. Each await still spends one budget unit (SPEC).
 *
 * <pre>{@code
 * Object v = EagerChain.run(50, cx, out);
 * if (v == EagerChain.PENDING) awaiting = out[0]; else total += (Long) v;
 * }</pre>
 */
final class EagerChain {
    /** What {@link #run} returns when the chain suspended. */
    static final Object PENDING = new Object();

    private EagerChain() {}

    /** Runs {@code chain(depth)} until it completes (its value) or suspends ({@link #PENDING}). */
    static Object run(int depth, Context cx, Future<?>[] out) {
        if (depth == 1) {
            Future<Long> ready = Futures.ready(1L);
            if (Await.mustYield(cx)) return suspend(1, ready, out);
            Poll<Long> p = ready.poll(cx);
            if (p.isPending()) return suspend(1, ready, out);
            return p.value();
        }
        if (Await.mustYield(cx)) return suspend(depth, new NotStarted(depth - 1), out);
        Object v = run(depth - 1, cx, out);
        if (v == PENDING) return suspend(depth, out[0], out);
        return (Long) v + 1;
    }

    private static Object suspend(int depth, Future<?> awaiting, Future<?>[] out) {
        out[0] = new Suspended(depth, awaiting);
        return PENDING;
    }

    /** A level materialized at its suspension: it resumes by polling what it awaits. */
    private static final class Suspended extends Poll<Long> implements Future<Long> {
        private final int depth;
        private final Future<?> awaiting;

        Suspended(int depth, Future<?> awaiting) {
            this.depth = depth;
            this.awaiting = awaiting;
        }

        @Override
        public Poll<Long> poll(Context cx) {
            Poll<?> p = awaiting.poll(cx);
            if (p.isPending()) return Poll.pending();
            long v = (Long) p.value();
            return readyWith(depth == 1 ? v : v + 1);
        }
    }

    /** A call the budget stopped before it started: it runs eagerly at its first poll. */
    private static final class NotStarted implements Future<Long> {
        private final int depth;
        private final Future<?>[] out = new Future<?>[1];
        private Future<?> started;

        NotStarted(int depth) {
            this.depth = depth;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Poll<Long> poll(Context cx) {
            if (started != null) return (Poll<Long>) started.poll(cx);
            Object v = run(depth, cx, out);
            if (v != PENDING) return Poll.ready((Long) v);
            started = out[0];
            return Poll.pending();
        }
    }
}
