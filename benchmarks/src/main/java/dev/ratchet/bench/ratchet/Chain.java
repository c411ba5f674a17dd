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
 *     if (depth == 1) return await(Futures.ready(1L));
 *     long below = chain(depth - 1);   // implicit await: an eager call of the level below
 *     return below + 1;
 * }
 * }</pre>
 *
 * An await of a level calls {@link #start}, which runs the level at once and returns its value,
 * unboxed. Only at an await that is pending is a machine made ({@link Chain} itself, at that
 * await), handed to the caller in {@code handOff[0]}, and {@link #SUSPENDED} returned; the level
 * above then makes its own machine awaiting it. In W3 nothing is pending, so a chain allocates
 * nothing. Each await spends one unit of the task's budget, as generated code does.
 */
final class Chain extends Poll<Long> implements Future<Long> {
    /** What {@link #start} returns when it suspended (the machine is in {@code handOff[0]}). */
    static final long SUSPENDED = Long.MIN_VALUE;

    private final int depth;
    /** What this level awaits: the level below's machine, or the bottom's future. */
    private Future<?> awaiting;

    private Chain(int depth, Future<?> awaiting) {
        this.depth = depth;
        this.awaiting = awaiting;
    }

    /**
     * An await of {@code chain(depth)}: spends the await's budget unit, then runs the level; its
     * value, or {@link #SUSPENDED} with what to await in {@code handOff[0]}.
     */
    static long start(Context cx, Future<?>[] handOff, int depth) {
        if (Await.mustYield(cx)) {
            handOff[0] = new NotStarted(depth); // the caller awaits the level, not run yet
            return SUSPENDED;
        }
        return run(cx, handOff, depth);
    }

    /** The level's body, from its start. */
    private static long run(Context cx, Future<?>[] handOff, int depth) {
        if (depth == 1) {
            Future<Long> ready = Futures.ready(1L);
            if (Await.mustYield(cx)) return suspend(handOff, 1, ready);
            Poll<Long> p = ready.poll(cx);
            if (p.isPending()) return suspend(handOff, 1, ready);
            return p.value();
        }
        long below = start(cx, handOff, depth - 1);
        if (below == SUSPENDED && handOff[0] != null) return suspend(handOff, depth, handOff[0]);
        return below + 1;
    }

    private static long suspend(Future<?>[] handOff, int depth, Future<?> awaiting) {
        handOff[0] = new Chain(depth, awaiting);
        return SUSPENDED;
    }

    @Override
    public Poll<Long> poll(Context cx) {
        Poll<?> p = awaiting.poll(cx);
        if (p.isPending()) return Poll.pending();
        awaiting = null;
        long v = (Long) p.value();
        return readyWith(depth == 1 ? v : v + 1);
    }

    /** A level the budget stopped before it ran: it runs at its first poll (its caller spent the unit). */
    private static final class NotStarted implements Future<Long> {
        private final int depth;
        private final Future<?>[] handOff = new Future<?>[1];
        private Future<?> started;

        NotStarted(int depth) {
            this.depth = depth;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Poll<Long> poll(Context cx) {
            if (started != null) return (Poll<Long>) started.poll(cx);
            long v = run(cx, handOff, depth);
            if (v != SUSPENDED || handOff[0] == null) return Poll.ready(v);
            started = handOff[0];
            return Poll.pending();
        }
    }
}
