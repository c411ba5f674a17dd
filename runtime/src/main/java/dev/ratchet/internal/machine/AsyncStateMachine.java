package dev.ratchet.internal.machine;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.debug.AsyncBacktrace;
import dev.ratchet.debug.Traceable;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * The machinery shared by every generated state machine: completion, cancellation and awaiting.
 * For generated code only; not API.
 *
 * <p>A generated machine implements {@link #resume(Context)}: it runs the body from its current
 * state to the next await that is pending (returning {@link Poll#pending()}) or to the end
 * (returning ready, or throwing the body's exception). An await is two calls: {@link
 * #awaitOn(Future)} before suspending, then {@link #pollAwaited(Context)} in the state that resumes
 * it, which returns pending until the child is ready.
 *
 * <pre>{@code
 * final class Twice extends AsyncStateMachine<Integer> {
 *     private final Future<Integer> child;
 *     private int state;
 *     Twice(Future<Integer> child) { this.child = child; }
 *     protected Poll<Integer> resume(Context cx) {
 *         if (state == 0) { awaitOn(child); state = 1; }
 *         Poll<?> ready = pollAwaited(cx);
 *         if (ready.isPending()) return Poll.pending();
 *         return Poll.ready(2 * (Integer) ready.value());
 *     }
 * }
 * }</pre>
 *
 * <p>Cancellation (SPEC "Cancellation"): {@link #cancel()} only sets a flag. The next {@link
 * #pollAwaited} cancels the awaited child, keeps polling it until it has completed (its cleanup),
 * then throws {@link CancellationException} at the await, inside the user's try structure; every
 * later await throws it again at once; a machine cancelled before its first poll runs nothing; a
 * body that swallows the exception (a catch, or a {@code finally} that returns) still completes
 * cancelled; a body whose cleanup throws completes with that exception.
 *
 * <p>Debugging: a machine is {@link Traceable}. A generated machine overrides {@link
 * #sourceFrame()} with the user's method and the line of its current await, so a task dump shows
 * where it is suspended and what it awaits, and a failure leaving it gets that frame in its
 * {@link AsyncBacktrace}.
 *
 * <p>Threading: {@code poll} is never called concurrently (the executor's rule) and successive
 * polls are ordered by the executor (happens-before from one poll to the next), so only {@code
 * cancelRequested}, which {@code cancel()} may set from any thread, is volatile.
 */
public abstract class AsyncStateMachine<T> implements Future<T>, Traceable {
    /**
     * Set by {@link #cancel()} from any thread; read by the polling thread. Volatile: a cancel that
     * happens-before a poll is seen by that poll. Once set it is never cleared.
     */
    private volatile boolean cancelRequested;

    private boolean started;
    private boolean completed;

    /** The future being awaited, or null. */
    private Future<?> awaited;
    /** Whether {@link #awaited} has been polled at least once (something may have run). */
    private boolean awaitedPolled;
    /** Whether {@link #awaited} has been cancelled by this machine. */
    private boolean awaitedCancelled;
    /**
     * Whether the last awaited future failed (set when its exception leaves {@link
     * #pollAwaited}, cleared by the next {@link #awaitOn}): an exception leaving the machine then
     * came out of that await, so its backtrace frame gets the await's line.
     */
    private boolean awaitFailed;

    /** For subclasses. */
    protected AsyncStateMachine() {}

    @Override
    public final Poll<T> poll(Context cx) {
        Objects.requireNonNull(cx, "cx");
        if (completed) {
            throw new IllegalStateException(
                    "polled after completion: a future must not be polled once it returned ready or threw");
        }
        if (!started) {
            started = true;
            if (cancelRequested) {
                // Cancelled before its first poll: runs nothing.
                completed = true;
                throw new CancellationException();
            }
        }
        Poll<T> result;
        try {
            result = resume(cx);
        } catch (Throwable t) {
            completed = true;
            awaited = null;
            recordBacktrace(t);
            throw AsyncStateMachine.<RuntimeException>sneakyThrow(t);
        }
        if (result.isReady()) {
            completed = true;
            // A catch, or a finally that returns, breaks or continues, may have swallowed the
            // cancellation: the future still completes cancelled.
            if (cancelRequested) throw new CancellationException();
        }
        return result;
    }

    @Override
    public final void cancel() {
        // A stale read of completed only sets a flag that a completed machine ignores.
        if (!completed) cancelRequested = true;
    }

    /**
     * Runs the body from the current state to the next await that is pending, or to the end.
     *
     * @throws Throwable whatever the body throws (rethrown unchanged by {@link #poll})
     */
    protected abstract Poll<T> resume(Context cx) throws Throwable;

    /** Starts awaiting {@code future}; the state that resumes calls {@link #pollAwaited}. */
    protected final void awaitOn(Future<?> future) {
        awaited = Objects.requireNonNull(future, "awaited future");
        awaitedPolled = false;
        awaitedCancelled = false;
        awaitFailed = false;
    }

    /**
     * The user's method this machine runs, at the source line of the await of its current state
     * (line -1 before the first await), or null if unknown. Generated machines override it; it
     * is read by dumps from other threads, so it reads the state field once and allocates only
     * when called.
     */
    protected StackTraceElement sourceFrame() {
        return null;
    }

    /**
     * The user's method at the line of the await of the current state — the await this machine
     * last resumed at, or is suspended in — or null if unknown (racy; see {@link Traceable}).
     * Unlike {@link #suspendedAt()} it is known during a poll too: the executor's long-poll
     * report says where a blocking poll resumed with it.
     */
    public final StackTraceElement currentFrame() {
        return sourceFrame();
    }

    /** The await this machine waits in, or null if it is not waiting in one (racy; see {@link Traceable}). */
    @Override
    public final StackTraceElement suspendedAt() {
        return awaited == null ? null : sourceFrame();
    }

    /** The future this machine awaits, if any (racy; see {@link Traceable}). */
    @Override
    public final List<? extends Future<?>> awaiting() {
        Future<?> a = awaited;
        return a == null ? List.of() : List.of(a);
    }

    /** Adds this machine's frame to the backtrace of a failure leaving it. */
    private void recordBacktrace(Throwable t) {
        StackTraceElement frame = sourceFrame();
        if (frame == null) return;
        if (!awaitFailed && frame.getLineNumber() != -1) {
            // Thrown by the body itself: the state's await line would point at the wrong place.
            frame = new StackTraceElement(frame.getClassName(), frame.getMethodName(), frame.getFileName(), -1);
        }
        AsyncBacktrace.record(t, frame);
    }

    /**
     * Polls the awaited future once. Every await spends one unit of the task's budget before its
     * first poll: when it is spent the task yields (woken, pending) and the same state retries on
     * the next poll.
     * After {@link #cancel()}, cancels the awaited future, drives it to completion (its cleanup),
     * then throws {@code CancellationException} here; if the child's cleanup threw something else,
     * that exception is suppressed by the {@code CancellationException}.
     *
     * @throws IllegalStateException if no future is awaited (a generator bug)
     */
    protected final Poll<?> pollAwaited(Context cx) {
        Future<?> future = awaited;
        if (future == null) throw new IllegalStateException("pollAwaited without awaitOn");
        // One unit per await, spent when it starts (its first poll), not on every re-poll of a
        // pending child: nested machines re-poll their whole chain on each wake, and spending at
        // every level would let a deep chain yield forever before reaching its leaf.
        if (!awaitedPolled && cx.yieldIfSpent()) return Poll.pending();
        if (cancelRequested) {
            if (!awaitedPolled) {
                // Never polled, so nothing ran: no cleanup to drive.
                awaited = null;
                throw new CancellationException();
            }
            if (!awaitedCancelled) {
                awaitedCancelled = true;
                future.cancel();
            }
        }
        awaitedPolled = true;
        Poll<?> ready;
        try {
            ready = future.poll(cx);
        } catch (Throwable t) {
            awaited = null;
            awaitFailed = true;
            if (awaitedCancelled && !(t instanceof CancellationException)) {
                CancellationException cancelled = new CancellationException();
                cancelled.addSuppressed(t);
                throw cancelled;
            }
            throw t;
        }
        if (ready.isPending()) return ready;
        awaited = null;
        if (awaitedCancelled) throw new CancellationException();
        return ready;
    }

    /** Throws {@code t} unchanged, checked or not: an {@code @Async} method's declared exceptions. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }
}
