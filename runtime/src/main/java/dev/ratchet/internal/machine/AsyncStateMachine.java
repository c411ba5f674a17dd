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
 * <p>A generated machine implements {@link #poll(Context)} itself, in this shape: {@link
 * #beginPoll} first; then, inside a {@code try} whose {@code catch (Throwable t)} throws {@link
 * #failed failed(t)}, the body from its current state to the next await that is pending (returning
 * {@link Poll#pending()}) or to a return; a return ends the poll with {@link #complete
 * complete(value)}. An await is {@link #awaitOn(Future)} before suspending, then, in the state
 * that resumes it, {@link #mustSuspend} (the budget, cancellation) and a poll of {@link
 * #awaited()} passed through {@link #polled}.
 *
 * <pre>{@code
 * final class Twice extends AsyncStateMachine<Integer> {
 *     private final Future<Integer> child;
 *     private byte state;
 *     Twice(Future<Integer> child) { this.child = child; }
 *     public Poll<Integer> poll(Context cx) {
 *         beginPoll(cx);
 *         Integer result;
 *         try {
 *             if (state == 0) { awaitOn(child); state = 1; }
 *             if (mustSuspend(cx)) return Poll.pending();
 *             Poll<?> ready = polled(awaited().poll(cx));
 *             if (ready.isPending()) return Poll.pending();
 *             result = 2 * (Integer) ready.value();
 *         } catch (Throwable t) {
 *             throw failed(t);
 *         }
 *         return complete(result);
 *     }
 * }
 * }</pre>
 *
 * <p>Why the machine writes {@code poll} and the awaited future's poll itself, with small helpers
 * around them, instead of a shared {@code poll} calling an abstract body: a chain of nested awaits
 * is a recursion of polls, and the JIT compiles it well only when each level is one method that
 * calls the next level directly (a call site per machine class, whose type profile stays precise).
 * A shared wrapper and a shared await helper made three calls per level, through call sites shared
 * by every machine class; the helpers here stay small and call no child, so they inline.
 *
 * <p>Eager calls. An implicit await of another {@code @Async} method (a direct call in the body)
 * does not create the callee's machine and then poll it: it calls the callee machine's static
 * {@code start}, which spends the await's budget unit and runs the callee's body at once, on the
 * caller's stack, as a plain method returns its value. Only if something in it is pending is a
 * machine made, at that await, with the locals it keeps; it is handed to the <em>holder</em> (the
 * machine being polled, where the descent began), and every level between them materializes in
 * turn on the way back up, awaiting the one below. A chain of awaits that complete at once
 * allocates nothing, and a primitive result is never boxed. Semantics are the lazy ones: the
 * callee would have been polled right there anyway, and it cannot be cancelled before it exists.
 *
 * <pre>{@code
 * // in poll, at `long below = chain(depth - 1);` (state = AWAIT_CHAIN_L20 already set)
 * beginCall();
 * long called = Chain.start(cx, this, depth - 1);
 * if (called == Long.MIN_VALUE && suspendedCall()) return Poll.pending(); // awaits the callee now
 * endCall();
 * below = called;
 * }</pre>
 *
 * A {@code start} returns a sentinel of its type ({@code null}, {@code Long.MIN_VALUE}, ...) when
 * it suspended; a real result equal to the sentinel is told apart by the holder's hand-off flag.
 *
 * <p>Cancellation (SPEC "Cancellation"): {@link #cancel()} only sets a flag. The next {@link
 * #mustSuspend} cancels the awaited child, keeps polling it until it has completed (its cleanup),
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
public abstract class AsyncStateMachine<T> extends Poll<T> implements Future<T>, Traceable {
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
     * {@link #awaitFlags}, on a holder: an eager call below it suspended and left the machine to
     * await in {@link #awaited} (see "Eager calls"); taken by the level above at once.
     */
    private static final byte HANDED_OFF = 8;
    /** {@link #awaitFlags}: an eager call is running: what it throws came out of this await. */
    private static final byte CALLING = 16;
    /**
     * {@link #awaitFlags}, alone: this machine's poll is calling a {@code start}, whose first act
     * ({@link #mustDefer}) makes the await's checks, once the call's arguments are evaluated.
     */
    private static final byte STARTING = 32;

    /**
     * Set by {@link #cancel()} (a volatile write, from any thread); read by the polling thread.
     * A cancel that happens-before a poll (the executor's wake/poll edge, or the same thread) is
     * seen by that poll like any write, whichever read it uses. A racing one must be seen
     * eventually by a body that keeps polling: the read at each await ({@link
     * #cancelRequested()}) is opaque, so the JIT cannot hoist it out of a loop of awaits. The
     * reads at the first poll and at completion ({@link #cancelRequestedPlain()}) happen once per
     * machine, so nothing can hoist them across polls; a racing cancel that they miss is ordered
     * after them (a cancel after completion, or one that the first await sees). They are plain
     * because an opaque read is a compiler barrier in C2 (no field access moves across it), which
     * cost every level of a chain of awaits. A volatile read would fence every await for no gain.
     * Once set it is never cleared.
     */
    private boolean cancelRequested;

    /** NEW, STARTED or DONE; one byte so the common poll checks one field. */
    private byte phase;

    /** The future being awaited, or null. */
    private Future<?> awaited;
    /** POLLED, CANCELLED and FAILED for the current {@link #awaited}; cleared by {@link #awaitOn}. */
    private byte awaitFlags;

    /** For subclasses. */
    protected AsyncStateMachine() {}

    /**
     * The start of every {@link #poll}, before the body runs.
     *
     * @throws NullPointerException if {@code cx} is null
     * @throws IllegalStateException if the machine has completed
     * @throws CancellationException if it was cancelled before its first poll (it then runs
     *     nothing and completes cancelled)
     */
    protected final void beginPoll(Context cx) {
        Objects.requireNonNull(cx, "cx");
        if (phase != STARTED) start();
    }

    /** {@link #beginPoll} on the first poll, or a poll after completion. */
    private void start() {
        if (phase == DONE) {
            throw new IllegalStateException(
                    "polled after completion: a future must not be polled once it returned ready or threw");
        }
        if (cancelRequestedPlain()) {
            phase = DONE;
            throw new CancellationException();
        }
        phase = STARTED;
    }

    /**
     * The end of a {@link #poll} in which the body returned {@code value} (outside the body's
     * {@code try}, so that no catch of the body sees what it throws). The ready result is the
     * machine itself (it extends {@link Poll}): completing allocates nothing, where a {@code
     * Poll.ready(value)} was a second object per call, and in a chain of awaits the JIT cannot
     * scalar-replace it (W3: 150 -> 172 M awaits/s).
     *
     * @throws CancellationException if the machine was cancelled: a catch, or a finally that
     *     returns, breaks or continues, may have swallowed the cancellation, and the future still
     *     completes cancelled
     */
    protected final Poll<T> complete(T value) {
        phase = DONE;
        if (awaited != null) awaited = null; // a child whose failure the body caught
        if (cancelRequestedPlain()) throw new CancellationException();
        return readyWith(value);
    }

    @Override
    public final void cancel() {
        // A stale read of phase only sets a flag that a completed machine ignores.
        if (phase != DONE) CANCEL_REQUESTED.setVolatile(this, true);
    }

    /** The read at each await: opaque, see {@link #cancelRequested the field}. */
    private boolean cancelRequested() {
        return (boolean) CANCEL_REQUESTED.getOpaque(this);
    }

    /** The read at the first poll and at completion: plain, see {@link #cancelRequested the field}. */
    private boolean cancelRequestedPlain() {
        return cancelRequested;
    }

    /** Starts awaiting {@code future}; the state that resumes polls it (see {@link #mustSuspend}). */
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

    /** A future's identity: the value-based equality of {@link Poll} does not apply to a machine. */
    @Override
    public final boolean equals(Object o) {
        return this == o;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
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

    /**
     * Completes the machine with {@code t}, the body's exception, which it rethrows unchanged: the
     * {@code catch (Throwable t)} of every {@link #poll} is {@code throw failed(t)}. Declared to
     * return an exception so that the catch can end in {@code throw}; it never returns.
     */
    protected final RuntimeException failed(Throwable t) {
        // It came out of the awaited future, or of an eager call (or its arguments: the call's line).
        if (awaited != null || (awaitFlags & (CALLING | STARTING)) != 0) awaitFlags |= FAILED;
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
     * Before each poll of the awaited future: true if the machine must return pending without
     * polling it. Every await spends one unit of the task's budget before its first poll: when it
     * is spent the task yields (woken, pending) and the same state retries on the next poll.
     * After {@link #cancel()}, it cancels the awaited future and drives it to completion (its
     * cleanup: true while that is pending), then throws {@code CancellationException}; if the
     * child's cleanup threw something else, that exception is suppressed by the {@code
     * CancellationException}.
     *
     * <pre>{@code
     * if (mustSuspend(cx)) return Poll.pending();
     * Poll<?> ready = polled(awaited().poll(cx));
     * if (ready.isPending()) return Poll.pending();
     * }</pre>
     *
     * @throws NullPointerException if no future is awaited (a generator bug)
     */
    protected final boolean mustSuspend(Context cx) {
        // Kept small so that the JIT inlines it into every generated poll; the rare paths
        // (cancellation, failure) are out of line.
        if (awaitFlags == 0) {
            // One unit per await, spent when it starts (its first poll), not on every re-poll of
            // a pending child: nested machines re-poll their whole chain on each wake, and
            // spending at every level would let a deep chain yield forever before reaching its leaf.
            if (cx.yieldIfSpent()) return true;
            if (cancelRequested()) return suspendCancelled(cx);
            awaitFlags = POLLED;
            return false;
        }
        return cancelRequested() && suspendCancelled(cx);
    }

    /** The future being awaited, to poll after {@link #mustSuspend} returned false. */
    protected final Future<?> awaited() {
        return awaited;
    }

    /**
     * Passes on {@code poll}, the awaited future's result: once it is ready the machine no longer
     * awaits it. If the poll threw, {@link #awaited()} stays set, so {@link #failed} sees that the
     * exception came out of this await.
     */
    protected final Poll<?> polled(Poll<?> poll) {
        if (poll.isReady()) awaited = null;
        return poll;
    }

    /** {@link #mustSuspend} after {@link #cancel()}: true while the cancelled child is pending. */
    private boolean suspendCancelled(Context cx) {
        pollCancelled(cx); // throws unless the child's cleanup is pending
        return true;
    }

    /**
     * The awaited future's poll after {@link #cancel()}: cancels the awaited future (once), drives it
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

    /**
     * Before an eager call in {@link #poll}: the call's {@code start} makes the await's checks
     * ({@link #mustDefer}) after its arguments are evaluated, as a lazy await makes them after
     * creating the future.
     */
    protected final void beginCall() {
        awaited = null;
        awaitFlags = STARTING;
    }

    /**
     * The first act of every {@code start}: the checks of the await that calls it, after its
     * arguments. It spends the await's budget unit: true if it is spent, and the callee must not
     * run now (the caller awaits its lazy machine, see {@link #defer}). Called from the holder's
     * own poll, it then makes the await's cancellation check: a cancelled machine throws {@code
     * CancellationException} at the await, the callee never started. (A level of a descent is not
     * a machine, and nothing can cancel it.)
     */
    protected static boolean mustDefer(Context cx, AsyncStateMachine<?> holder) {
        if (holder.awaitFlags != STARTING) return cx.yieldIfSpent();
        holder.awaitFlags = CALLING;
        if (cx.yieldIfSpent()) return true;
        if (holder.cancelRequested()) throw new CancellationException();
        return false;
    }

    /**
     * After an eager call that returned its type's sentinel: true if it suspended, in which case
     * this machine now awaits the callee's machine (its state resumes the await as after any
     * pending poll); false if the sentinel was the callee's result.
     */
    protected final boolean suspendedCall() {
        if (!handedOff(this)) return false;
        awaitFlags &= ~HANDED_OFF;
        return true;
    }

    /** After an eager call that returned its result. */
    protected final void endCall() {
        awaitFlags = 0;
    }

    /** For {@code start}, after a call that returned its type's sentinel: whether it suspended. */
    protected static boolean handedOff(AsyncStateMachine<?> holder) {
        return (holder.awaitFlags & HANDED_OFF) != 0;
    }

    /**
     * For {@code start}, when the budget is spent before the callee runs: the caller awaits
     * {@code notStarted}, the callee's lazy machine, and polls it when it resumes.
     */
    protected static void defer(AsyncStateMachine<?> holder, AsyncStateMachine<?> notStarted) {
        holder.awaited = notStarted;
        holder.awaitFlags = HANDED_OFF;
    }

    /**
     * For {@code start}, suspending at an await of {@code awaiting}: {@code machine}, made at that
     * state, awaits it ({@code polled}: it was polled and is pending; otherwise the budget was
     * spent before its first poll), and is handed to {@code holder}.
     */
    protected static void suspendAwait(AsyncStateMachine<?> holder, AsyncStateMachine<?> machine, Future<?> awaiting,
            boolean polled) {
        machine.awaited = awaiting;
        machine.awaitFlags = polled ? POLLED : 0;
        handOff(holder, machine);
    }

    /**
     * For {@code start}, suspending because its own eager call suspended: {@code machine}, made at
     * that state, awaits what the call handed to {@code holder}, and takes its place there.
     */
    protected static void suspendCall(AsyncStateMachine<?> holder, AsyncStateMachine<?> machine) {
        machine.awaited = holder.awaited;
        machine.awaitFlags = (byte) (holder.awaitFlags & ~HANDED_OFF);
        handOff(holder, machine);
    }

    /**
     * For a {@code start} that polled its new machine in place (a body not printed twice): the
     * caller awaits {@code machine}, polled and pending.
     */
    protected static void suspendPolled(AsyncStateMachine<?> holder, AsyncStateMachine<?> machine) {
        handOff(holder, machine);
    }

    private static void handOff(AsyncStateMachine<?> holder, AsyncStateMachine<?> machine) {
        machine.phase = STARTED; // it has run: no longer "cancelled before its first poll"
        holder.awaited = machine;
        holder.awaitFlags = POLLED | HANDED_OFF;
    }

    /**
     * The {@code catch (Throwable t)} of {@code start}: what {@link #failed} does for a machine,
     * for a level that has none: adds {@code frame} (the method, at the await's line if {@code t}
     * came out of one, else line -1) to the backtrace and rethrows {@code t} unchanged.
     */
    protected static RuntimeException failedEagerly(Throwable t, StackTraceElement frame) {
        AsyncBacktrace.record(t, frame);
        return AsyncStateMachine.<RuntimeException>sneakyThrow(t);
    }

    /** Throws {@code t} unchanged, checked or not: an {@code @Async} method's declared exceptions. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }
}
