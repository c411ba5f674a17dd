package dev.ratchet.internal.task;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.internal.diag.CoarseClock;
import dev.ratchet.internal.diag.PollSubject;
import dev.ratchet.internal.diag.TaskEvents;
import dev.ratchet.runtime.JoinHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A spawned future plus everything needed to poll and join it, in one object: its state word
 * (inherited from {@link TaskState}), its {@link Context} (inherited too: the task is the context
 * its future is polled with), its {@link Waker} and its {@link JoinHandle}. Spawning allocates
 * this object and nothing else, like Tokio's single task cell.
 *
 * <p>Waking allocates nothing: {@link #wake()} is one atomic OR on the state word and, only when
 * the task was idle, one {@link Scheduler#schedule} call.
 *
 * <h2>Footprint</h2>
 * A suspended task is what a program keeps per waiting activity, so every field counts: with
 * compressed oops the object is a 12-byte header, the budget, state and registry-slot ints and
 * four references: 40 bytes. To get there the future and the output share one field ({@link
 * #slot}), the name (rare) lives in a subclass, the id and the "cancel delivered" flag live in the
 * state word, the per-poll budget comes from the {@link Scheduler}, and run queues are arrays
 * rather than intrusive lists (a link would cost every suspended task 4 bytes). The registry
 * holds the task in a slot of a table (4 bytes there) and the task holds its shard and slot.
 * (Fields are counted as HotSpot lays them out: 12-byte header, 4 bytes per int and per
 * compressed reference, the object padded to a multiple of 8 bytes: 12 + 3 * 4 + 4 * 4 = 40.
 * One more field of any kind would make it 48.)
 *
 * <h2>Last-poll stamp: the budget field reused</h2>
 * Task dumps show how long ago each task was last polled, without a field for it: the budget
 * (inherited from {@link Context}) is meaningless between polls — every poll refills it first —
 * so the end of each poll stores there the executor's coarse clock tick ({@link
 * Scheduler#pollStamp()}, one memory read; no {@code System.nanoTime()} per poll). A new task
 * holds {@link CoarseClock#NEVER} until its first poll ends. The field is plain and owned by the
 * {@code RUNNING} holder; a dump reads it racily (best-effort, like the rest of a dump), and only
 * when the state word says the task is not running.
 *
 * <h2>Join protocol (no lost wake)</h2>
 * An awaiter of the handle stores its waker in {@link #joiner} and then re-reads {@link
 * #isComplete()}; the completer sets {@code COMPLETE} and then takes the waker with {@code
 * getAndSet(null)}. Both sides are volatile accesses, so in their total order either the
 * awaiter's re-read sees complete, or the completer's take sees the waker (Dekker's argument).
 * One task awaits a handle at a time (as in Rust): if two tasks poll it, only the last one to
 * register is woken. (The same protocol as {@link TaskJoinHandle}, which blocking jobs use.)
 *
 * <p>Fields marked "guarded by RUNNING" are touched only by the thread holding the {@code
 * RUNNING} bit; the state-word CAS that passes that bit from poll to poll orders them (see
 * {@link TaskState}).
 *
 * @param <T> the output type
 */
public class Task<T> extends TaskState implements Waker, JoinHandle<T>, JoinTarget<T>, PollSubject {
    private static final System.Logger LOG = System.getLogger("dev.ratchet.runtime");
    /**
     * Spawn sequence numbers. Kept in the state word's upper 27 bits (no field): ids are for
     * diagnostics and registry sharding, and repeat after 2^27 spawns.
     */
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final VarHandle JOINER;

    static {
        try {
            JOINER = MethodHandles.lookup().findVarHandle(Task.class, "joiner", Waker.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Scheduler scheduler;

    /**
     * Before completion, the future (guarded by RUNNING); after, the output: the value, or a
     * {@link Failure}. Written before the {@code COMPLETE} transition, which publishes it; read as
     * output only after seeing {@code COMPLETE}. Sharing one field drops the future's reference
     * at completion (so it can be collected) at no cost.
     */
    private Object slot;

    /** The waker of the task awaiting this handle, or null; see "Join protocol". */
    private volatile Waker joiner;

    /** Where the {@link TaskRegistry} holds this task (null once removed); see its invariants. */
    TaskRegistry.Shard registryShard;
    int registrySlot;

    /** A failed outcome, stored in {@link #slot} (a value is stored as itself). */
    private static final class Failure {
        final Throwable cause;

        Failure(Throwable cause) {
            this.cause = cause;
        }
    }

    /** Use {@link #create}. */
    Task(Future<T> future, Scheduler scheduler) {
        super(CoarseClock.NEVER, IDS.incrementAndGet() & ID_MASK); // the stamp until the first poll
        this.slot = Objects.requireNonNull(future, "future");
        this.scheduler = scheduler;
    }

    /**
     * A new task, held by the entry its creator owes it (see {@link TaskState}, "Held entries"):
     * the creator must register it and then {@linkplain Scheduler#schedule schedule} it once.
     *
     * @param name a name for diagnostics, or null
     */
    public static <T> Task<T> create(Future<T> future, String name, Scheduler scheduler) {
        Objects.requireNonNull(future, "future");
        Objects.requireNonNull(scheduler, "scheduler");
        return name == null ? new Task<>(future, scheduler) : new Named<>(future, scheduler, name);
    }

    /** A task with a name: the field only named tasks pay for. */
    private static final class Named<T> extends Task<T> {
        private final String name;

        Named(Future<T> future, Scheduler scheduler, String name) {
            super(future, scheduler);
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }
    }

    /**
     * The task's spawn sequence number (diagnostics, registry sharding): increasing in spawn
     * order, 27 bits (it wraps to 0 after 2^27 - 1).
     */
    @Override
    public final int id() {
        return idBits();
    }

    /** The task's name, or null. */
    @Override
    public String name() {
        return null;
    }

    /**
     * For diagnostics: the future while the task has not completed, else null. Racy (a dump
     * reads it while the task runs elsewhere): the state is checked before and after the read.
     */
    @Override
    public final Future<?> futureIfLive() {
        if (isComplete()) return null;
        Object s = slot;
        return !isComplete() && s instanceof Future<?> f ? f : null;
    }

    /**
     * For diagnostics: the clock tick at which the last poll ended ({@link CoarseClock#NEVER} if
     * none has). Meaningful only while the task is not running (see "Last-poll stamp").
     */
    public final int lastPollStamp() {
        return budgetRemaining();
    }

    /** The task's join handle: the task itself. */
    public final JoinHandle<T> handle() {
        return this;
    }

    // ---- Context and Waker

    /** The task is its own waker. */
    @Override
    public final Waker waker() {
        return this;
    }

    /**
     * Schedules another poll; see {@link TaskState#transitionToNotified()}. A task waking itself
     * during its own poll on a worker only leaves a note for the end of the poll (see {@link
     * PollingThread}).
     */
    @Override
    public final void wake() {
        if (Thread.currentThread() instanceof PollingThread p && p.absorbSelfWake(this)) return;
        if (transitionToNotified() == WakeResult.SUBMIT) scheduler.schedule(this);
    }

    // ---- JoinHandle

    /**
     * Ready with the task's value once it has completed; rethrows the task's exception (the same
     * object). A ready result spends one unit of the caller's budget, like every runtime resource.
     */
    @Override
    public final Poll<T> poll(Context cx) {
        if (!isComplete()) {
            Waker w = cx.waker();
            if (joiner != w) joiner = w;
            // Re-check after publishing the waker: see "Join protocol".
            if (!isComplete()) return Poll.pending();
        }
        if (cx.yieldIfSpent()) return Poll.pending();
        return Poll.ready(resultNow());
    }

    /**
     * The budget is spent during this task's poll: it goes on with a new one if nothing else
     * waits for its polling thread ({@link Scheduler#continuesSpentPoll}), unless an abort is
     * pending (yielding lets the next poll deliver it).
     */
    @Override
    protected final boolean renewBudget() {
        if (isCancelRequested() || !scheduler.continuesSpentPoll(this)) return false;
        refillBudget(scheduler.budget());
        return true;
    }

    @Override
    public final boolean isFinished() {
        return isComplete();
    }

    @Override
    @SuppressWarnings("unchecked")
    public final T resultNow() {
        if (!isComplete()) throw new IllegalStateException("task " + this + " has not completed");
        Object out = slot;
        if (out instanceof Failure f) throw Sneaky.rethrow(f.cause);
        return (T) out;
    }

    /**
     * Requests cancellation: the next poll (on the polling thread) calls {@code future.cancel()}
     * and then polls, so the future's cleanup runs and it completes — with {@link
     * CancellationException} if it honours the request. Cancellation is cooperative: a future
     * that ignores {@code cancel()} keeps running, and if it then returns a value the task
     * completes with that value. Does nothing once complete.
     */
    @Override
    public final void abort() {
        if (transitionToCancelled() == WakeResult.SUBMIT) scheduler.schedule(this);
    }

    // ---- Polling

    /**
     * Runs the task once, for a thread that took it from a run queue and is not a {@link
     * PollingThread} (those use {@link PollingThread#pollOnce}).
     *
     * @return {@code true} if the task was woken during the poll and the caller must put it back
     *     at the back of a run queue (it stays {@code NOTIFIED})
     */
    public final boolean run() {
        return run(null);
    }

    /**
     * Runs the task once; {@code poller} is the {@link PollingThread} running it (null for any
     * other thread), which may hold a wake the task gave itself during the poll. When it does,
     * the task stays {@code RUNNING} and the caller's queue entry for it is a held entry (see
     * {@link TaskState}, "Held entries").
     */
    final boolean run(PollingThread poller) {
        RunResult r = transitionToRunning();
        if (r == RunResult.DROP) return false;
        if (r == RunResult.POLL_CANCELLED && !deliverCancel()) return false;
        // The JFR check is a constant and a volatile read while JFR is not running; the event
        // (an allocation and two timestamps) exists only when a recording enables it. The
        // recording variant is a separate method so that this one stays small enough to inline.
        if (TaskEvents.pollEnabled() ? pollFutureRecorded() : pollFuture()) return false;
        // A task that woke itself on a polling thread keeps RUNNING: the queue entry the poller
        // makes for it holds the poll right (see TaskState, "Held entries"). No CAS either side.
        if (poller != null && poller.selfWoken()) return true;
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
    public final boolean shutdownStart(int maxPolls) {
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
    public final boolean shutdownResume(int maxPolls) {
        return pollWhileWoken(maxPolls, takeNotifiedWhileRunning());
    }

    /** Whether a wake arrived since the last shutdown poll (without consuming it). */
    public final boolean wokenDuringShutdown() {
        return (stateBits() & NOTIFIED) != 0;
    }

    /**
     * Shutdown, last step for a task still pending when nothing can wake it any more: completes
     * it with {@link CancellationException} so that its handle never hangs.
     */
    public final void shutdownAbandon() {
        complete(new Failure(new CancellationException("the executor closed before task " + this
                + " finished its cancellation (its last poll returned pending and nothing woke it)")));
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
        if (!markCancelDelivered()) return true;
        try {
            future().cancel();
            return true;
        } catch (Throwable t) {
            complete(new Failure(t));
            return false;
        }
    }

    /** The future; only while RUNNING and not complete. */
    @SuppressWarnings("unchecked")
    private Future<T> future() {
        return (Future<T>) slot;
    }

    /**
     * Polls the future once with a refilled budget; returns true if the task completed. A poll
     * that returns pending ends by stamping the task (see "Last-poll stamp").
     */
    private boolean pollFuture() {
        Poll<T> p;
        try {
            refillBudget(scheduler.budget());
            p = future().poll(this);
        } catch (Throwable t) {
            complete(new Failure(t));
            return true;
        }
        if (p.isPending()) {
            refillBudget(scheduler.pollStamp());
            return false;
        }
        complete(p.value());
        return true;
    }

    /** {@link #pollFuture()} recorded as a JFR {@code TaskPoll} event (only while one is enabled). */
    private boolean pollFutureRecorded() {
        Object event = TaskEvents.beginPoll(this);
        boolean completed = pollFuture(); // never throws
        TaskEvents.polled(event);
        return completed;
    }

    /** Stores the output ({@code out}: a value or a {@link Failure}), publishes it, wakes the joiner. */
    private void complete(Object out) {
        this.slot = out; // also drops the future
        if (TaskEvents.completedEnabled()) recordCompleted(out);
        if (out instanceof Failure f && !(f.cause instanceof CancellationException)
                && LOG.isLoggable(System.Logger.Level.DEBUG)) {
            // An unobserved failure must not vanish; the failure is also kept for the JoinHandle.
            LOG.log(System.Logger.Level.DEBUG, "task " + this + " failed", f.cause);
        }
        transitionToComplete(); // publishes the slot (release)
        scheduler.release(this);
        notifyJoiner();
    }

    /** A JFR {@code TaskCompleted} event; out of line to keep {@link #complete} small. */
    private void recordCompleted(Object out) {
        TaskEvents.completed(this, out instanceof Failure f ? f.cause : null);
    }

    /** Right after completing: wakes the awaiter if any. */
    private void notifyJoiner() {
        // A volatile read suffices to see a registered waker (Dekker, above); the getAndSet
        // then claims it so that it is woken once. Saves an atomic RMW when nobody awaits.
        if (joiner == null) return;
        Waker w = (Waker) JOINER.getAndSet(this, null);
        if (w != null) w.wake();
    }

    @Override
    public final String toString() {
        String name = name();
        return "Task#" + id() + (name == null ? "" : "(" + name + ")") + "[" + describeState() + "]";
    }
}
