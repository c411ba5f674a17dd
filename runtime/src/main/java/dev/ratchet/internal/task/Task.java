package dev.ratchet.internal.task;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A spawned future plus everything needed to poll it: its state word (inherited from {@link
 * TaskState}), its reusable {@link Context}, its output and its {@link TaskJoinHandle}.
 *
 * <p>The task is its own {@link Waker}: waking allocates nothing. {@link #wake()} is one atomic
 * OR on the state word and, only when the task was idle, one {@link Scheduler#schedule} call.
 *
 * <p>Fields marked "guarded by RUNNING" are touched only by the thread holding the {@code
 * RUNNING} bit; the state-word CAS that passes that bit from poll to poll orders them (see
 * {@link TaskState}).
 *
 * @param <T> the output type
 */
public final class Task<T> extends TaskState implements Waker, JoinTarget<T> {
    private static final System.Logger LOG = System.getLogger("dev.ratchet.runtime");
    private static final AtomicLong IDS = new AtomicLong();

    private final long id;
    private final String name;
    private final Scheduler scheduler;
    private final int budget;
    private final Context cx;
    private final TaskJoinHandle<T> handle;

    /** The future; guarded by RUNNING; null once complete (so it can be collected). */
    private Future<T> future;
    /** Whether {@code future.cancel()} was called; guarded by RUNNING. */
    private boolean cancelDelivered;
    /** The output; written before the COMPLETE transition, read after seeing COMPLETE. */
    private T value;
    private Throwable failure;

    /**
     * Link of an intrusive run-queue list (the shared inject queue, or a batch moving from a full
     * local queue to it); guarded by whoever holds the list: that queue's lock, or the one thread
     * building the batch. A task is in at most one queue at a time (the NOTIFIED invariant), so
     * one link suffices.
     */
    private Task<?> queueNext;
    /** Links in the {@link TaskRegistry}; guarded by the registry shard's monitor. */
    Task<?> registryPrev;
    Task<?> registryNext;

    /**
     * A new task, in state {@code NOTIFIED}: the creator must register it and then {@linkplain
     * Scheduler#schedule schedule} it once.
     *
     * @param name a name for diagnostics, or null
     * @param budget the cooperative budget refilled at each poll (positive)
     */
    public Task(Future<T> future, String name, Scheduler scheduler, int budget) {
        this.future = Objects.requireNonNull(future, "future");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.name = name;
        this.budget = budget;
        this.id = IDS.incrementAndGet();
        this.cx = Context.withBudget(this, budget);
        this.handle = new TaskJoinHandle<>(this);
    }

    /** The task's id: unique in the process, increasing in spawn order. */
    public long id() {
        return id;
    }

    /** The task's name, or null. */
    public String name() {
        return name;
    }

    public TaskJoinHandle<T> handle() {
        return handle;
    }

    /** The next task in the intrusive run-queue list this task is in; see {@link #queueNext}. */
    public Task<?> queueNext() {
        return queueNext;
    }

    /** Sets the run-queue link; see {@link #queueNext}. */
    public void setQueueNext(Task<?> next) {
        this.queueNext = next;
    }

    // ---- Waker

    /** Schedules another poll; see {@link TaskState#transitionToNotified()}. */
    @Override
    public void wake() {
        if (transitionToNotified() == WakeResult.SUBMIT) scheduler.schedule(this);
    }

    // ---- JoinTarget

    @Override
    public T resultNow() {
        if (!isComplete()) throw new IllegalStateException("task " + this + " has not completed");
        if (failure != null) throw Sneaky.rethrow(failure);
        return value;
    }

    /**
     * Requests cancellation: the next poll (on the polling thread) calls {@code future.cancel()}
     * and then polls, so the future's cleanup runs and it completes — with {@link
     * CancellationException} if it honours the request. Cancellation is cooperative: a future
     * that ignores {@code cancel()} keeps running, and if it then returns a value the task
     * completes with that value. Does nothing once complete.
     */
    @Override
    public void abort() {
        if (transitionToCancelled() == WakeResult.SUBMIT) scheduler.schedule(this);
    }

    // ---- Polling

    /**
     * Runs the task once, for a worker that took it from a run queue.
     *
     * @return {@code true} if the task was woken during the poll and the caller must put it back
     *     at the back of a run queue (it stays {@code NOTIFIED})
     */
    public boolean run() {
        RunResult r = transitionToRunning();
        if (r == RunResult.DROP) return false;
        if (r == RunResult.POLL_CANCELLED && !deliverCancel()) return false;
        if (pollFuture()) return false;
        return transitionToIdle() == IdleResult.RESCHEDULE;
    }

    // ---- Shutdown (on the closing thread, once no worker polls any more)

    /**
     * Shutdown, first step: takes the task over (whatever its state), delivers {@code cancel()}
     * and polls it until it completes or returns pending with no wake pending.
     *
     * @return {@code true} if it is still pending: the caller keeps ownership (the {@code
     *     RUNNING} bit) and must end with {@link #shutdownResume} or {@link #shutdownAbandon}
     */
    public boolean shutdownStart(int maxPolls) {
        if (!transitionToShutdown()) return false;
        if (!deliverCancel()) return false;
        return pollWhileWoken(maxPolls, true);
    }

    /**
     * Shutdown, later passes: if a wake arrived since the last poll (another task's cleanup, a
     * blocking job), polls again as in {@link #shutdownStart}.
     *
     * @return {@code true} if still pending; see {@link #wokenDuringShutdown()} for progress
     */
    public boolean shutdownResume(int maxPolls) {
        return pollWhileWoken(maxPolls, takeNotifiedWhileRunning());
    }

    /** Whether a wake arrived since the last shutdown poll (without consuming it). */
    public boolean wokenDuringShutdown() {
        return (stateBits() & NOTIFIED) != 0;
    }

    /**
     * Shutdown, last step for a task still pending when nothing can wake it any more: completes
     * it with {@link CancellationException} so that its handle never hangs.
     */
    public void shutdownAbandon() {
        complete(null, new CancellationException("the executor closed before task " + this
                + " finished its cancellation (its last poll returned pending and nothing woke it)"));
    }

    private boolean pollWhileWoken(int maxPolls, boolean woken) {
        for (int i = 0; woken && i < maxPolls; i++) {
            if (pollFuture()) return false;
            woken = takeNotifiedWhileRunning();
        }
        return true;
    }

    /** Calls {@code future.cancel()} once; returns false if that threw (the task is then complete). */
    private boolean deliverCancel() {
        if (cancelDelivered) return true;
        cancelDelivered = true;
        try {
            future.cancel();
            return true;
        } catch (Throwable t) {
            complete(null, t);
            return false;
        }
    }

    /** Polls the future once with a refilled budget; returns true if the task completed. */
    private boolean pollFuture() {
        Poll<T> p;
        try {
            cx.refillBudget(budget);
            p = future.poll(cx);
        } catch (Throwable t) {
            complete(null, t);
            return true;
        }
        if (p.isPending()) return false;
        complete(p.value(), null);
        return true;
    }

    private void complete(T value, Throwable failure) {
        this.value = value;
        this.failure = failure;
        this.future = null;
        if (failure != null && !(failure instanceof CancellationException) && LOG.isLoggable(System.Logger.Level.DEBUG)) {
            // An unobserved failure must not vanish; the failure is also kept for the JoinHandle.
            LOG.log(System.Logger.Level.DEBUG, "task " + this + " failed", failure);
        }
        transitionToComplete(); // publishes value/failure (release)
        scheduler.release(this);
        handle.notifyJoiner();
    }

    @Override
    public String toString() {
        return "Task#" + id + (name == null ? "" : "(" + name + ")") + "[" + describeState() + "]";
    }
}
