package dev.ratchet.internal.task;

import dev.ratchet.Context;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.runtime.JoinHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * The {@link JoinHandle} of a task or blocking job: a future over its output, with a one-waiter
 * atomic waker cell.
 *
 * <p>Protocol (no lost wake): the awaiter stores its waker in {@link #joiner} and then re-reads
 * {@link JoinTarget#isComplete()}; the completer sets complete and then takes the waker with
 * {@code getAndSet(null)}. Both sides are volatile accesses, so in their total order either the
 * awaiter's re-read sees complete, or the completer's take sees the waker (Dekker's argument).
 *
 * <p>One task awaits a handle at a time (as in Rust): if two tasks poll the same handle, only the
 * last one to register is woken.
 *
 * @param <T> the output type
 */
public final class TaskJoinHandle<T> implements JoinHandle<T> {
    private static final VarHandle JOINER;

    static {
        try {
            JOINER = MethodHandles.lookup().findVarHandle(TaskJoinHandle.class, "joiner", Waker.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final JoinTarget<T> target;

    /** The waker of the task awaiting this handle, or null. Cleared by the completer when it wakes it. */
    private volatile Waker joiner;

    public TaskJoinHandle(JoinTarget<T> target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * Ready with the task's value once it has completed; rethrows the task's exception (the same
     * object). A ready result spends one unit of the caller's budget, like every runtime resource.
     */
    @Override
    public Poll<T> poll(Context cx) {
        if (!target.isComplete()) {
            Waker w = cx.waker();
            if (joiner != w) joiner = w;
            // Re-check after publishing the waker: see the class documentation.
            if (!target.isComplete()) return Poll.pending();
        }
        if (cx.yieldIfSpent()) return Poll.pending();
        return Poll.ready(target.resultNow());
    }

    /** Called by the target once, right after it became complete: wakes the awaiter if any. */
    public void notifyJoiner() {
        // A volatile read suffices to see a registered waker (Dekker, above); the getAndSet
        // then claims it so that it is woken once. Saves an atomic RMW when nobody awaits.
        if (joiner == null) return;
        Waker w = (Waker) JOINER.getAndSet(this, null);
        if (w != null) w.wake();
    }

    @Override
    public void abort() {
        target.abort();
    }

    @Override
    public boolean isFinished() {
        return target.isComplete();
    }

    /** The task or job behind this handle. */
    public JoinTarget<T> target() {
        return target;
    }

    @Override
    public String toString() {
        return "JoinHandle[" + target + "]";
    }
}
