package dev.ratchet.internal.combinator;

import dev.ratchet.Context;
import dev.ratchet.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Children that a combinator has cancelled and must drive to the end of their cleanup before it
 * completes (SPEC "Cancellation": a cancelled child is driven by whoever cancelled it).
 *
 * <p>Each cancelled child is polled with the combinator's context until it returns ready or
 * throws. A {@link CancellationException} is the expected end and is dropped; any other exception
 * is a cleanup failure, kept in arrival order and reported by {@link #outcome(Throwable)}, never
 * lost. Used only by the thread polling the combinator, so it needs no synchronization.
 */
final class CancelledChildren {
    /** Cancelled children whose cleanup has not finished yet, in cancellation order. */
    private final List<Future<?>> running = new ArrayList<>(0);
    /** Exceptions other than {@code CancellationException} thrown by cancelled children. */
    private final List<Throwable> cleanupFailures = new ArrayList<>(0);
    /**
     * A copy of {@link #running} for task dumps, which read it from another thread: republished
     * (a new array, never mutated after) at the end of a {@link #drive} that changed {@code
     * running}. Volatile, so a dump sees a complete array. So only children whose cleanup
     * outlives a poll are ever copied: the usual select, whose losers end at once, allocates
     * nothing for it (a dump in between sees the point just passed, as dumps may).
     */
    private volatile Future<?>[] snapshot = NONE;
    /** Whether {@link #running} changed since {@link #snapshot} was published; poller-only. */
    private boolean changed;

    private static final Future<?>[] NONE = new Future<?>[0];

    /**
     * Requests cancellation of {@code child} and remembers to drive it. A {@code cancel()} that
     * throws is a cleanup failure like any other; the child is still driven to its end.
     */
    void cancel(Future<?> child) {
        try {
            child.cancel();
        } catch (Throwable cancelFailure) {
            cleanupFailures.add(cancelFailure);
        }
        running.add(child);
        changed = true;
    }

    /**
     * Polls every cancelled child still running once.
     *
     * @return {@code true} when all have completed; otherwise each pending child has arranged a
     *     wake of {@code cx}'s waker, and the caller returns pending
     */
    boolean drive(Context cx) {
        int kept = 0;
        for (int i = 0; i < running.size(); i++) {
            Future<?> child = running.get(i);
            if (!pollToEnd(child, cx)) running.set(kept++, child);
        }
        if (kept < running.size()) {
            running.subList(kept, running.size()).clear();
            changed = true;
        }
        if (changed) {
            changed = false;
            snapshot = running.isEmpty() ? NONE : running.toArray(new Future<?>[0]);
        }
        return running.isEmpty();
    }

    /** The cancelled children still cleaning up (any thread; a snapshot as of the latest change). */
    List<Future<?>> stillRunning() {
        return List.of(snapshot);
    }

    private boolean pollToEnd(Future<?> child, Context cx) {
        try {
            return child.poll(cx).isReady(); // a value after cancel(): the child ignored it; dropped
        } catch (CancellationException expected) {
            return true;
        } catch (Throwable cleanupFailure) {
            cleanupFailures.add(cleanupFailure);
            return true;
        }
    }

    /**
     * The exception the combinator completes with, once every cancelled child has finished.
     *
     * @param primary the failure that decided the outcome (a child's exception), or {@code null}
     *     when the outcome was a value or the combinator's own cancellation
     * @return {@code primary} with the cleanup failures added as suppressed; or, without a
     *     primary, the first cleanup failure with the later ones suppressed; or {@code null} if
     *     there is nothing to throw
     */
    Throwable outcome(Throwable primary) {
        Throwable result = primary;
        for (Throwable failure : cleanupFailures) {
            if (result == null) result = failure;
            else if (failure != result) result.addSuppressed(failure); // self-suppression is illegal
        }
        cleanupFailures.clear();
        return result;
    }
}
