package dev.ratchet.internal.task;

import dev.ratchet.Context;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The lifecycle of a task in one atomic word, after Tokio's {@code runtime/task/state.rs}.
 *
 * <p>{@link Task} extends this class so that the word is a field of the task itself (no extra
 * object). This class extends {@link Context} for the same reason: the task is the context its
 * future is polled with (see {@link Task}); between polls the context's budget field holds the
 * task's last-poll stamp instead (see {@link Task}, "Footprint"). Every change goes through one of the {@code transitionTo*} methods, which return what
 * the caller must do next; nothing else writes {@link #state}.
 *
 * <h2>Bits</h2>
 * <ul>
 *   <li>{@link #RUNNING}: a thread is polling the task (or, at shutdown, driving its
 *       cancellation). Only the thread that set it may clear it. This is the lock that keeps two
 *       threads from polling one task at once.
 *   <li>{@link #NOTIFIED}: the task has been woken and will be polled again: either it sits in
 *       exactly one run queue, or — when set while {@code RUNNING} — the thread running it must
 *       put it back in a queue after the poll. Invariant: a task is in at most one run queue, and
 *       it is in one only while {@code NOTIFIED} is set and {@code RUNNING} is clear, or as a
 *       held entry (below).
 *   <li>{@link #COMPLETE}: the future returned ready or threw (or the executor gave up on it at
 *       shutdown); the output is stored. Terminal: no bit matters after it, wakes do nothing.
 *   <li>{@link #CANCELLED}: {@code abort()} was called; the next poll first calls the future's
 *       {@code cancel()} (on the polling thread, so cancel never races a poll) and then polls it
 *       so that its cleanup runs.
 * </ul>
 *
 * <h2>Memory ordering</h2>
 * Every transition is a volatile read-modify-write of {@link #state} (a CAS or an atomic
 * {@code getAndBitwiseOr}). These form one total order per task. A poll ends with the CAS of
 * {@link #transitionToIdle()} and the next poll starts with the CAS of {@link
 * #transitionToRunning()}, which reads the value written by the former (or a later one): so
 * everything a poll wrote happens-before everything the next poll reads, on whatever thread it
 * runs. Likewise a waker's writes before {@code wake()} happen-before the poll that the wake
 * causes, because the wake's RMW precedes, in the task's total order, the CAS that starts that
 * poll — including when the wake coalesces with an earlier one (it still writes the word, unlike
 * a plain read that would give no happens-before edge).
 *
 * <h2>Held entries: a yield without a CAS</h2>
 * A task that wakes itself during its poll on a {@link PollingThread} (a yield, a spent budget)
 * is not made idle and notified at the end of the poll: it keeps {@code RUNNING}, and the queue
 * entry the poller makes for it holds that right — whoever takes the entry polls the task
 * without a CAS ({@link #transitionToRunning()} sees {@code RUNNING} already set). Two CASes
 * saved per yield. While held, the word looks like a running task's, so wakers behave as during
 * a poll: a wake only sets {@code NOTIFIED} (the taker clears it, since the entry it holds
 * already owes the poll), an abort sets {@code CANCELLED} (the taker delivers it). No second
 * entry can appear, because only an idle task is queued by a waker. What the poll wrote reaches
 * the taker through the queue (a release store and an acquiring read), as it would through the
 * word. Task dumps tell a held entry from a poll by asking the workers what they poll.
 */
public abstract class TaskState extends Context {
    /** A thread is polling the task; see the class documentation. */
    static final int RUNNING = 1;
    /** The task is in a run queue, or must be re-queued after the current poll. */
    static final int NOTIFIED = 1 << 1;
    /** The task has finished; its output is stored. Terminal. */
    static final int COMPLETE = 1 << 2;
    /** Abort was requested; the next poll delivers {@code cancel()} to the future. */
    static final int CANCELLED = 1 << 3;
    /**
     * {@code cancel()} has been delivered to the future (it is delivered once). Set only by the
     * thread holding {@code RUNNING}; every transition keeps it.
     */
    static final int CANCEL_DELIVERED = 1 << 4;
    /** The flag bits above; the bits from {@link #ID_SHIFT} up hold the task's id (immutable). */
    static final int FLAGS = (1 << 5) - 1;
    /**
     * The id lives in the state word's upper 27 bits so that it costs the task no field: every
     * transition keeps those bits, and an immutable part of a word needs no extra ordering.
     */
    static final int ID_SHIFT = 5;
    /** The id's range: 27 bits. */
    static final int ID_MASK = (1 << (32 - ID_SHIFT)) - 1;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(TaskState.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The state word. A new task starts {@code RUNNING}, as a held entry (see "Held entries"):
     * whoever creates it is about to put it in a run queue, and the entry holds its first poll, so
     * that poll starts without a CAS.
     */
    private volatile int state;

    /** A new word, held (see {@link #state}), with id 0; {@code budget} is the context's starting budget. */
    protected TaskState(int budget) {
        this(budget, 0);
    }

    /**
     * A new word, held (see {@link #state}), holding {@code id} (its low 27 bits); {@code budget}
     * is the context's starting budget.
     */
    protected TaskState(int budget, int id) {
        super(budget);
        // A plain store, not a volatile one (a fence on x86, in every spawn): the task reaches
        // other threads only through a queue or the registry, which publish it.
        STATE.set(this, RUNNING | ((id & ID_MASK) << ID_SHIFT));
    }

    /** What a waker must do after {@link #transitionToNotified()}. */
    public enum WakeResult {
        /** The task was idle: the caller must submit it to a run queue (it now owns that duty). */
        SUBMIT,
        /**
         * Nothing to do: the task is already queued (wakes coalesce), is being polled (the poller
         * re-queues it afterwards), or has completed (a wake after completion does nothing).
         */
        DO_NOTHING
    }

    /** What a worker must do with a task it took from a run queue. */
    public enum RunResult {
        /** Poll the future. */
        POLL,
        /** Deliver {@code cancel()} to the future (once), then poll it so its cleanup runs. */
        POLL_CANCELLED,
        /** The task already completed (the executor finished it at shutdown): drop the entry. */
        DROP
    }

    /** What the poller must do after a poll that returned pending. */
    public enum IdleResult {
        /** The task is idle and waits for a wake. */
        IDLE,
        /**
         * The task was woken during the poll: it stays {@code NOTIFIED} and the caller must put
         * it back in a run queue (at the back: it yielded).
         */
        RESCHEDULE
    }

    /**
     * Wakes the task. Wait-free: one atomic OR. Setting {@code NOTIFIED} on a complete task is
     * harmless ({@code COMPLETE} makes every other bit meaningless).
     */
    public final WakeResult transitionToNotified() {
        int prev = (int) STATE.getAndBitwiseOr(this, NOTIFIED);
        // Linearization point of the wake: the OR above. If no bit among RUNNING, NOTIFIED and
        // COMPLETE was set, this call flipped the task from idle to notified and so is the one
        // (and only one) responsible for queueing it.
        return (prev & (RUNNING | NOTIFIED | COMPLETE)) == 0 ? WakeResult.SUBMIT : WakeResult.DO_NOTHING;
    }

    /**
     * Requests abort: sets {@code CANCELLED} and wakes the task so that its next poll runs the
     * cleanup. Returns {@link WakeResult#SUBMIT} if the caller must queue the task.
     */
    public final WakeResult transitionToCancelled() {
        int prev = (int) STATE.getAndBitwiseOr(this, CANCELLED | NOTIFIED);
        return (prev & (RUNNING | NOTIFIED | COMPLETE)) == 0 ? WakeResult.SUBMIT : WakeResult.DO_NOTHING;
    }

    /**
     * Called by the thread that took the task from a run queue: clears {@code NOTIFIED} and sets
     * {@code RUNNING}. The CAS is the acquire side of the happens-before edge from the previous
     * poll (see the class documentation). For a held entry ({@code RUNNING} already set, see
     * "Held entries") there is nothing to take: only a {@code NOTIFIED} that a wake set while it
     * was queued is cleared.
     */
    public final RunResult transitionToRunning() {
        int cur = state;
        if ((cur & RUNNING) != 0) return resumeHeld(cur);
        while (true) {
            if ((cur & COMPLETE) != 0) return RunResult.DROP;
            assert (cur & RUNNING) == 0 && (cur & NOTIFIED) != 0 : "queued task must be notified and not running: " + cur;
            int next = (cur & ~NOTIFIED) | RUNNING;
            int witness = (int) STATE.compareAndExchange(this, cur, next);
            if (witness == cur) {
                return (cur & CANCELLED) != 0 ? RunResult.POLL_CANCELLED : RunResult.POLL;
            }
            cur = witness;
        }
    }

    /** {@link #transitionToRunning()} for a held entry: {@code RUNNING} is already ours. */
    private RunResult resumeHeld(int cur) {
        // A wake that came while the entry was queued coalesces with it: cleared here, it would
        // otherwise cause one more poll after this one. A wake after this point is one during
        // the poll, and gets its extra poll. Never COMPLETE: only the holder completes the task.
        if ((cur & NOTIFIED) != 0) cur = (int) STATE.getAndBitwiseAnd(this, ~NOTIFIED);
        return (cur & CANCELLED) != 0 ? RunResult.POLL_CANCELLED : RunResult.POLL;
    }

    /**
     * Called by the poller after a poll returned pending: clears {@code RUNNING}. If a wake
     * arrived during the poll ({@code NOTIFIED} set), the bit stays set and the caller must
     * re-queue the task: this is how a wake during a poll causes exactly one more poll.
     */
    public final IdleResult transitionToIdle() {
        int cur = state;
        while (true) {
            assert (cur & RUNNING) != 0 && (cur & COMPLETE) == 0 : "only the poller goes idle: " + cur;
            int witness = (int) STATE.compareAndExchange(this, cur, cur & ~RUNNING);
            // Linearization point: a wake whose OR comes before this CAS is seen here
            // (NOTIFIED set -> RESCHEDULE); one that comes after sees RUNNING clear and submits.
            if (witness == cur) return (cur & NOTIFIED) != 0 ? IdleResult.RESCHEDULE : IdleResult.IDLE;
            cur = witness;
        }
    }

    /**
     * Called by the poller when the future completed: sets {@code COMPLETE}, clears {@code
     * RUNNING} and {@code NOTIFIED}. The output must be stored before: this write publishes it to
     * anyone who reads {@code COMPLETE} ({@link #isComplete()}).
     */
    public final void transitionToComplete() {
        int cur = state;
        while (true) {
            int witness = (int) STATE.compareAndExchange(this, cur, COMPLETE | (cur & (CANCELLED | CANCEL_DELIVERED | ~FLAGS)));
            if (witness == cur) return;
            cur = witness;
        }
    }

    /**
     * At shutdown, once every worker has stopped: takes the task over whatever its state (idle,
     * or notified or held in a queue that the executor has discarded) so the closing thread can
     * drive its cancellation. Sets {@code RUNNING | CANCELLED}, clears {@code NOTIFIED}.
     *
     * @return {@code false} if the task had already completed
     */
    public final boolean transitionToShutdown() {
        int cur = state;
        while (true) {
            if ((cur & COMPLETE) != 0) return false;
            // RUNNING here is a held entry's (no poll runs once the workers have stopped).
            int witness = (int) STATE.compareAndExchange(this, cur, RUNNING | CANCELLED | (cur & (CANCEL_DELIVERED | ~FLAGS)));
            if (witness == cur) return true;
            cur = witness;
        }
    }

    /**
     * At shutdown, after a cancellation poll returned pending: clears {@code NOTIFIED} and reports
     * whether it was set, i.e. whether a wake arrived during that poll (keeps {@code RUNNING}: the
     * closing thread still owns the task).
     */
    public final boolean takeNotifiedWhileRunning() {
        return ((int) STATE.getAndBitwiseAnd(this, ~NOTIFIED) & NOTIFIED) != 0;
    }

    /** Whether the task has completed. A volatile read: the output is visible once it is true. */
    public final boolean isComplete() {
        return (state & COMPLETE) != 0;
    }

    /**
     * The {@code RUNNING} holder marks {@code cancel()} as delivered; returns false if it already
     * was (so it is delivered once). An atomic OR, because wakers may set bits concurrently.
     */
    final boolean markCancelDelivered() {
        return ((int) STATE.getAndBitwiseOr(this, CANCEL_DELIVERED) & CANCEL_DELIVERED) == 0;
    }

    /** Whether abort was requested. */
    public final boolean isCancelRequested() {
        return (state & CANCELLED) != 0;
    }

    /**
     * Whether a thread is polling the task now, or it waits in a queue as a held entry (see
     * "Held entries"; diagnostics: racy, a volatile read).
     */
    public final boolean isRunning() {
        return (state & RUNNING) != 0;
    }

    /**
     * Whether the task waits in a run queue: woken and not running (diagnostics: racy, a volatile
     * read).
     */
    public final boolean isScheduled() {
        return (state & (RUNNING | NOTIFIED | COMPLETE)) == NOTIFIED;
    }

    /** The flag bits of the word (without the id), for diagnostics and tests. */
    final int stateBits() {
        return state & FLAGS;
    }

    /** The id stored in the word's upper bits (see {@link #ID_SHIFT}). */
    final int idBits() {
        return state >>> ID_SHIFT;
    }

    /** A readable form of the word, e.g. {@code "RUNNING|NOTIFIED"}. */
    final String describeState() {
        int s = state & FLAGS;
        if (s == 0) return "IDLE";
        StringBuilder b = new StringBuilder();
        if ((s & RUNNING) != 0) b.append("RUNNING|");
        if ((s & NOTIFIED) != 0) b.append("NOTIFIED|");
        if ((s & COMPLETE) != 0) b.append("COMPLETE|");
        if ((s & CANCELLED) != 0) b.append("CANCELLED|");
        if ((s & CANCEL_DELIVERED) != 0) b.append("CANCEL_DELIVERED|");
        return b.substring(0, b.length() - 1);
    }
}
