package dev.ratchet.internal.combinator;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.debug.Traceable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The lifecycle shared by join, joinAll and select: poll the children until the outcome is
 * decided, then cancel every child still running and drive its cleanup to the end, then complete.
 *
 * <p>The outcome is decided by the subclass's {@link #pollChildren(Context)} returning ready (all
 * values joined, or a winner selected), by a child throwing (that exception, the same object, is
 * rethrown at the end, with any cleanup failures of the others added as suppressed), or by {@link
 * #cancel()} on the combinator (it completes with {@link CancellationException}, or with the first
 * exception a child's cleanup threw). Once decided, the outcome does not change: a {@code cancel()}
 * that arrives while the others are being cleaned up is ignored.
 *
 * <h2>Phases</h2>
 * <pre>
 * RUNNING --(ready | a child threw | cancel requested)--> CLEANING_UP --(all cancelled children
 *   finished)--> COMPLETED
 * </pre>
 * Both transitions may happen in the same poll. Polling in {@code COMPLETED} throws {@link
 * IllegalStateException}.
 *
 * <h2>Threading</h2>
 * {@code poll} is called by one thread at a time (the executor's rule), with happens-before between
 * consecutive polls, so all state but {@link #cancelRequested} is plain. {@code cancel()} may come
 * from any thread.
 *
 * <h2>Task dumps</h2>
 * A combinator is {@link Traceable}: it awaits its children still running (or, once the outcome
 * is decided, the cancelled ones whose cleanup it drives), so a dump shows a join as a tree of
 * the branches it still waits for. Those reads come from the dump's thread and are racy by
 * design: {@link #children} is read element by element (a reference read is atomic; an entry
 * seen non-null may just have completed) and {@link #phase} once.
 *
 * @param <R> the combinator's output
 */
abstract class Combinator<R> implements Future<R>, Traceable {
    private enum Phase { RUNNING, CLEANING_UP, COMPLETED }

    /** For messages: "join", "joinAll", "select". */
    private final String name;
    /** Children not yet completed; an entry becomes {@code null} when that child completes. */
    private final Future<?>[] children;
    private final CancelledChildren cancelled = new CancelledChildren();
    /**
     * Set by {@link #cancel()} on any thread; read at the start of a poll in the RUNNING phase.
     * Volatile: a cancel that happens-before a poll (the canceller then polls, or hands the future
     * to the poller through a synchronized queue) is seen by that poll.
     */
    private volatile boolean cancelRequested;

    /** Poller-written; read racily by task dumps (an enum reference: no tearing). */
    private Phase phase = Phase.RUNNING;
    /** The outcome, once decided: a child's failure, the combinator's cancellation, or a value. */
    private Throwable failure;
    private boolean cancelledOutcome;
    private R value;

    Combinator(String name, Future<?>[] children) {
        this.name = name;
        this.children = children;
    }

    /**
     * Polls the children in the RUNNING phase.
     *
     * @return ready with the combinator's value to end the RUNNING phase, or pending; a child's
     *     exception propagates out of here (use {@link #pollChild(int, Context)})
     */
    abstract Poll<R> pollChildren(Context cx);

    @Override
    public final Poll<R> poll(Context cx) {
        if (phase == Phase.COMPLETED) {
            throw new IllegalStateException(name + " polled after completion");
        }
        if (phase == Phase.RUNNING) {
            if (!decideOutcome(cx)) return Poll.pending();
            cancelRunningChildren();
            phase = Phase.CLEANING_UP;
        }
        if (!cancelled.drive(cx)) return Poll.pending();
        phase = Phase.COMPLETED;
        return complete();
    }

    /**
     * Requests cancellation: the next poll cancels every child still running, drives their
     * cleanup to the end, and then throws {@link CancellationException} (or the first exception a
     * child's cleanup threw). Does nothing once the outcome is decided.
     */
    @Override
    public final void cancel() {
        cancelRequested = true;
    }

    /** Whether child {@code i} is still running (not completed, not cancelled). */
    final boolean isRunning(int i) {
        return children[i] != null;
    }

    final int childCount() {
        return children.length;
    }

    /**
     * Polls running child {@code i} with {@code cx}; marks it completed when it returns ready or
     * throws, and rethrows what it threw.
     */
    final Poll<?> pollChild(int i, Context cx) {
        Poll<?> p;
        try {
            p = children[i].poll(cx);
        } catch (Throwable t) {
            children[i] = null; // completed by failing: not to be cancelled
            throw t;
        }
        if (p.isReady()) children[i] = null;
        return p;
    }

    /** @return whether the outcome is now decided */
    private boolean decideOutcome(Context cx) {
        if (cancelRequested) {
            cancelledOutcome = true;
            return true;
        }
        try {
            Poll<R> p = pollChildren(cx);
            if (p.isPending()) return false;
            value = p.value();
        } catch (Throwable childFailure) {
            failure = childFailure;
        }
        return true;
    }

    private void cancelRunningChildren() {
        for (int i = 0; i < children.length; i++) {
            if (children[i] != null) {
                cancelled.cancel(children[i]);
                children[i] = null;
            }
        }
    }

    private Poll<R> complete() {
        Throwable thrown = cancelled.outcome(failure);
        R result = value;
        failure = null;
        value = null; // the combinator may outlive its result: don't retain it
        if (thrown != null) throw Rethrow.unchecked(thrown);
        if (cancelledOutcome) throw new CancellationException(name + " was cancelled");
        return Poll.ready(result);
    }

    /** No source line: a combinator is runtime code, not an await of the user's. */
    @Override
    public final StackTraceElement suspendedAt() {
        return null;
    }

    /**
     * The children it is waiting for: those still running, or, while cleaning up, the cancelled
     * ones not finished yet; empty once complete. Racy (see "Task dumps").
     */
    @Override
    public final List<? extends Future<?>> awaiting() {
        Phase p = phase;
        if (p == Phase.CLEANING_UP) return cancelled.stillRunning();
        if (p == Phase.COMPLETED) return List.of();
        List<Future<?>> pending = new ArrayList<>();
        for (Future<?> child : children) {
            if (child != null) pending.add(child);
        }
        return pending;
    }

    /**
     * For task dumps: {@code join of 3 (2 pending)}, {@code select of 2 (cleaning up 1
     * cancelled)}, {@code joinAll of 5 (complete)}. Racy (see "Task dumps").
     */
    @Override
    public String toString() {
        Phase p = phase;
        String state = switch (p) {
            case RUNNING -> pendingCount() + " pending";
            case CLEANING_UP -> "cleaning up " + cancelled.stillRunning().size() + " cancelled";
            case COMPLETED -> "complete";
        };
        return name + " of " + children.length + " (" + state + ")";
    }

    private int pendingCount() {
        int n = 0;
        for (Future<?> child : children) {
            if (child != null) n++;
        }
        return n;
    }
}
