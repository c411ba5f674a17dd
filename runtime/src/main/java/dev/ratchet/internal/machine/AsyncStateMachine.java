package dev.ratchet.internal.machine;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.debug.AsyncBacktrace;
import dev.ratchet.debug.Traceable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * cancelRequested}, which {@code cancel()} may set from any thread, needs more than plain
 * accesses (see the field).
 */
public abstract class AsyncStateMachine<T> implements Future<T>, Traceable {
    private static final VarHandle CANCEL_REQUESTED;

    static {
        try {
            CANCEL_REQUESTED = MethodHandles.lookup()
                    .findVarHandle(AsyncStateMachine.class, "cancelRequested", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@link #phase}: not polled yet. */
    private static final byte NEW = 0;
    /** {@link #phase}: polled, not complete. */
    private static final byte STARTED = 1;
    /** {@link #phase}: returned ready or threw. */
    private static final byte DONE = 2;

    /** {@link #awaitFlags}: the awaited future has been polled at least once (something may have run). */
    private static final byte POLLED = 1;
    /** {@link #awaitFlags}: the awaited future has been cancelled by this machine. */
    private static final byte CANCELLED = 2;
    /**
     * {@link #awaitFlags}: the awaited future failed: an exception leaving the machine then came
     * out of that await, so its backtrace frame gets the await's line. Kept until the next
     * {@link #awaitOn}.
     */
    private static final byte FAILED = 4;

    /**
     * Set by {@link #cancel()} (a volatile write, from any thread); read by the polling thread
     * with opaque reads: a cancel that happens-before a poll (the executor's wake/poll edge, or
     * the same thread) is seen by that poll like any write, and a racing one is seen eventually
     * (opaque reads are not hoisted). A volatile read would fence every await for no gain. Once
     * set it is never cleared.
     */
    @SuppressWarnings("unused") // accessed through CANCEL_REQUESTED
    private boolean cancelRequested;

    /** NEW, STARTED or DONE; one byte so the common poll checks one field. */
    private byte phase;

    /** The future being awaited, or null. */
    private Future<?> awaited;
    /** POLLED, CANCELLED and FAILED for the current {@link #awaited}; cleared by {@link #awaitOn}. */
    private byte awaitFlags;

    /** For subclasses. */
    protected AsyncStateMachine() {}

    @Override
    public final Poll<T> poll(Context cx) {
        Objects.requireNonNull(cx, "cx");
        if (phase != STARTED && !start()) throw new CancellationException();
        Poll<T> result;
        try {
            result = resume(cx);
        } catch (Throwable t) {
            throw failed(t);
        }
        if (result.isReady()) {
            phase = DONE;
            awaited = null; // a child whose failure the body caught

            // A catch, or a finally that returns, breaks or continues, may have swallowed the
            // cancellation: the future still completes cancelled.
            if (cancelRequested()) throw new CancellationException();
        }
        return result;
    }

    /**
     * The first poll: returns false if the machine was cancelled before it (it then runs nothing
     * and completes cancelled).
     *
     * @throws IllegalStateException if the machine has completed
     */
    private boolean start() {
        if (phase == DONE) {
            throw new IllegalStateException(
                    "polled after completion: a future must not be polled once it returned ready or threw");
        }
        if (cancelRequested()) {
            phase = DONE;
            return false;
        }
        phase = STARTED;
        return true;
    }

    @Override
    public final void cancel() {
        // A stale read of phase only sets a flag that a completed machine ignores.
        if (phase != DONE) CANCEL_REQUESTED.setVolatile(this, true);
    }

    private boolean cancelRequested() {
        return (boolean) CANCEL_REQUESTED.getOpaque(this);
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
        awaitFlags = 0;
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

    /**
     * What a dump prints for a machine that is not suspended at an await (its {@link
     * #suspendedAt()} is null): {@code shop.Checkout.buy (running)}, {@code (not started)},
     * {@code (complete)}. Reads the plain fields racily (a dump runs on another thread).
     */
    @Override
    public String toString() {
        StackTraceElement frame;
        try {
            frame = sourceFrame();
        } catch (RuntimeException e) {
            frame = null; // e.g. a racy read of a machine's state field before its first write
        }
        String method = frame == null ? getClass().getName() : frame.getClassName() + "." + frame.getMethodName();
        byte p = phase;
        String state = p == DONE ? "complete" : p == NEW ? "not started" : awaited != null ? "suspended" : "running";
        return method + " (" + state + ")";
    }

    /** Completes the machine with {@code t}, which it rethrows unchanged. */
    private RuntimeException failed(Throwable t) {
        if (awaited != null) awaitFlags |= FAILED; // it came out of the awaited future
        phase = DONE;
        awaited = null;
        recordBacktrace(t);
        return AsyncStateMachine.<RuntimeException>sneakyThrow(t);
    }

    /** Adds this machine's frame to the backtrace of a failure leaving it. */
    private void recordBacktrace(Throwable t) {
        StackTraceElement frame = sourceFrame();
        if (frame == null) return;
        if ((awaitFlags & FAILED) == 0 && frame.getLineNumber() != -1) {
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
     * @throws NullPointerException if no future is awaited (a generator bug)
     */
    protected final Poll<?> pollAwaited(Context cx) {
        // Kept small so that the JIT inlines it into every generated resume; the rare paths
        // (cancellation, failure) are out of line.
        if (awaitFlags == 0) {
            // One unit per await, spent when it starts (its first poll), not on every re-poll of
            // a pending child: nested machines re-poll their whole chain on each wake, and
            // spending at every level would let a deep chain yield forever before reaching its leaf.
            if (cx.yieldIfSpent()) return Poll.pending();
            if (cancelRequested()) return pollCancelled(cx);
            awaitFlags = POLLED;
        } else if (cancelRequested()) {
            return pollCancelled(cx);
        }
        // A failure leaves `awaited` set: failed() sees that it came out of this await.
        Poll<?> ready = awaited.poll(cx);
        if (ready.isReady()) awaited = null;
        return ready;
    }

    /**
     * {@link #pollAwaited} after {@link #cancel()}: cancels the awaited future (once), drives it
     * to completion, then throws {@code CancellationException}; an exception other than
     * cancellation from the child's cleanup is suppressed by it.
     */
    private Poll<?> pollCancelled(Context cx) {
        Future<?> future = awaited;
        if ((awaitFlags & POLLED) == 0) {
            // Never polled, so nothing ran: no cleanup to drive.
            awaited = null;
            throw new CancellationException();
        }
        if ((awaitFlags & CANCELLED) == 0) {
            awaitFlags |= CANCELLED;
            future.cancel();
        }
        Poll<?> ready;
        try {
            ready = future.poll(cx);
        } catch (Throwable t) {
            awaited = null;
            awaitFlags |= FAILED;
            if (t instanceof CancellationException) throw t;
            CancellationException cancelled = new CancellationException();
            cancelled.addSuppressed(t);
            throw cancelled;
        }
        if (ready.isPending()) return ready;
        awaited = null;
        throw new CancellationException();
    }

    /** Throws {@code t} unchanged, checked or not: an {@code @Async} method's declared exceptions. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }
}
