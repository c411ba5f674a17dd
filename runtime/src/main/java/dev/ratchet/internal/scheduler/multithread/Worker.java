package dev.ratchet.internal.scheduler.multithread;

import dev.ratchet.internal.CurrentRuntime;
import dev.ratchet.internal.RuntimeHandle;
import dev.ratchet.internal.diag.WorkerStats;
import dev.ratchet.internal.task.PollingThread;
import dev.ratchet.internal.task.Task;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * One worker thread of a {@link MultiThreadExecutor}: its {@link LocalQueue}, its LIFO slot and
 * its run loop (Tokio's {@code multi_thread/worker.rs}).
 *
 * <h2>Run loop</h2>
 * Take a task — the shared queue first every {@value #GLOBAL_INTERVAL} ticks (fairness for
 * remote spawns), else the local queue, else a batch from the shared queue — and poll it, then
 * the tasks it woke through the LIFO slot (at most {@value #MAX_LIFO_POLLS} in a row while
 * other tasks wait for this worker; without limit while none does). With no
 * local work, search: steal half the queue of a random victim, else take from the
 * shared queue. With nothing found, park until {@link Idle} picks this worker. (Spinning a
 * while before parking was measured and dropped: on a loaded 2-core machine the spinner takes
 * CPU from the worker doing the work; W2 cost 50% more CPU per round trip.) Between polls,
 * check whether the executor is closing.
 *
 * <h2>LIFO slot</h2>
 * A task woken by the task running on this worker goes into {@link #lifo} and runs next here
 * (its data is hot in this core's cache: a message passed from task to task). The previous
 * occupant moves to the back of the local queue. A task spawned here takes the slot only if it
 * is empty, and otherwise goes to the back of the queue ({@link #scheduleSpawned}). As in Tokio,
 * other workers do not steal from the slot and are not notified when a task enters it: a
 * ping-pong of two tasks stays on one worker instead of waking another one at every message and
 * bouncing between the two (W2: 15-20% more round trips per second). The price is paid only by a poll that blocks its thread: the
 * task it woke waits in the slot. The executor's watchdog, which samples the workers, hands such
 * a task to the shared queue and wakes a parked worker once the poll has lasted one sampling
 * period ({@link MultiThreadExecutor#workerStalled}); with long-poll detection off there is no
 * watchdog, and the task waits for the blocking poll to end. The slot is an atomic cell so that
 * the watchdog can take the task ({@code getAndSet}) while this worker is stuck.
 */
final class Worker extends PollingThread {
    /** Polls between forced looks at the shared queue (Tokio's value: prime, not a power of two). */
    static final int GLOBAL_INTERVAL = 61;
    /** Consecutive LIFO-slot polls before the slot's task goes to the back of the queue. */
    static final int MAX_LIFO_POLLS = 3;

    private static final VarHandle LIFO;

    static {
        try {
            LIFO = MethodHandles.lookup().findVarHandle(Worker.class, "lifo", Task.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final MultiThreadExecutor pool;
    final int index;
    /** What this worker publishes for the watchdog, dumps and metrics; written by this thread only. */
    private final WorkerStats stats;
    /** No watchdog refreshes the executor's clock: this worker does, every {@value #GLOBAL_INTERVAL} ticks. */
    private final boolean refreshesClock;
    final LocalQueue queue = new LocalQueue();
    /** Owner-thread scratch space for {@link #pullFromInject} (no allocation per batch). */
    private final Task<?>[] batch = new Task<?>[LocalQueue.CAPACITY / 2];
    /** The task to run next; set by this worker, taken by it or by a thief (atomic getAndSet). */
    private volatile Task<?> lifo;

    // Owner-thread state.
    private boolean searching;
    private int tick;
    private int rng;

    Worker(MultiThreadExecutor pool, int index, String name, WorkerStats stats) {
        super(name);
        this.pool = pool;
        this.index = index;
        this.stats = stats;
        this.refreshesClock = pool.workersRefreshClock();
        this.rng = 0x9E3779B9 * (index + 1);
        setDaemon(true);
    }

    @Override
    public void run() {
        stats.ownedBy(this);
        stats.awake();
        pool.workerAwake();
        RuntimeHandle previous = CurrentRuntime.enter(pool);
        try {
            while (!pool.isShuttingDown()) {
                Task<?> task = nextTask();
                if (task == null) task = search();
                if (task != null) {
                    runTask(task);
                } else {
                    park();
                }
            }
        } finally {
            CurrentRuntime.exit(previous);
        }
    }

    // ---- scheduling from this worker's thread

    /**
     * A task woken on this thread (by the task being polled, or spawned by it): into the LIFO
     * slot; the previous occupant goes to the back of the local queue, where other workers can
     * steal it ({@link #push}). A task entering the empty slot notifies nobody: only this worker
     * runs it, right after the current poll (see "LIFO slot").
     */
    void scheduleLocal(Task<?> task) {
        stats.scheduled();
        Task<?> evicted = (Task<?>) LIFO.getAndSet(this, task);
        if (evicted != null) push(evicted);
    }

    /**
     * A task spawned by the task running on this worker: into the LIFO slot if it is empty (a
     * task spawned and then awaited runs next, hot in this core's cache), else to the back of the
     * local queue. Unlike a wake, a spawn does not evict the slot's task: a loop of spawns costs a
     * plain store each instead of an atomic swap, and its tasks run in spawn order. The store
     * needs no atomic: only this thread puts tasks in the slot, and the watchdog only takes from
     * it, so an empty slot stays empty until this store.
     */
    void scheduleSpawned(Task<?> task) {
        stats.scheduled();
        if (lifo == null) LIFO.setRelease(this, task);
        else push(task);
    }

    /** Owner: a task to the back of the local queue, announced to parked workers if it must be. */
    private void push(Task<?> task) {
        if (queue.ownerPush(task, pool.inject)) pool.notifyParked();
    }

    /** The watchdog's side of the LIFO slot, while this worker is stuck in a poll. */
    Task<?> takeLifo() {
        return lifo == null ? null : (Task<?>) LIFO.getAndSet(this, null);
    }

    boolean hasLifo() {
        return lifo != null;
    }

    // ---- run loop parts

    private Task<?> nextTask() {
        if (++tick % GLOBAL_INTERVAL == 0) {
            if (refreshesClock) pool.refreshClock(); // ~20 ns every 61 polls: a third of a ns per poll
            Task<?> t = pool.inject.pop();
            if (t != null) return t;
        }
        Task<?> t = queue.ownerPop();
        return t != null ? t : pullFromInject();
    }

    /** Moves a fair share of the shared queue into the local queue; returns one task to run. */
    private Task<?> pullFromInject() {
        if (pool.inject.isEmpty()) return null;
        int share = pool.inject.size() / pool.workerCount() + 1;
        int n = pool.inject.popBatch(batch, share);
        if (n == 0) return null;
        Task<?> first = batch[0];
        if (n > 1) queue.ownerPushAll(batch, 1, n - 1, pool.inject);
        Arrays.fill(batch, 0, n, null);
        if (n == 1) return first;
        // The batch left the shared queue, which parking workers watch, for ours: announce it,
        // or a worker parking now could miss it while the task we return blocks this thread.
        pool.notifyParked();
        return first;
    }

    private Task<?> search() {
        if (!searching) {
            if (!pool.idle.transitionWorkerToSearching()) return null;
            searching = true;
        }
        Worker[] workers = pool.workers();
        int n = workers.length;
        int start = nextRandom(n);
        for (int i = 0; i < n; i++) {
            Worker victim = workers[(start + i) % n];
            if (victim == this) continue;
            Task<?> t = victim.queue.stealInto(queue);
            if (t != null) {
                stats.stole();
                return t;
            }
        }
        return pool.inject.pop();
    }

    private void runTask(Task<?> task) {
        if (searching) {
            searching = false;
            // The last searcher found work: wake another worker so someone keeps looking.
            if (pool.idle.transitionWorkerFromSearching()) pool.notifyParked();
        }
        poll(task);
        for (int lifoPolls = 0; ; lifoPolls++) {
            // A plain volatile read first: most polls wake nobody, and the atomic swap is not free.
            if (lifo == null) return;
            Task<?> next = (Task<?>) LIFO.getAndSet(this, null);
            if (next == null) return;
            if (pool.isShuttingDown()) {
                push(next);
                return;
            }
            if (lifoPolls >= MAX_LIFO_POLLS) {
                if (nothingElseWaits()) {
                    lifoPolls = 0; // no one to be fair to: keep the ping-pong here
                } else {
                    // Fairness: a ping-pong of wakes must not monopolize this worker.
                    push(next);
                    return;
                }
            }
            poll(next);
        }
    }

    /**
     * {@code task}, polled here, spent its budget: it goes on with a new one if no other task
     * waits for this worker (its LIFO slot, its queue and the shared queue are empty) and the
     * executor is not closing. Yielding would put it back in an empty queue, to be polled again
     * at once, and a chain of nested awaits re-descends from its root at every poll (W3, a chain
     * of 50 awaits, ran 35% slower for it). The watchdog sees a new poll start: it warns of polls that
     * keep other tasks from a worker, and this one keeps none.
     */
    boolean continuesSpentPoll(Task<?> task) {
        if (!isPolling(task) || lifo != null || !nothingElseWaits() || pool.isShuttingDown()) return false;
        stats.pollRenewed();
        return true;
    }

    /**
     * Whether no other task waits for this worker: its queue and the shared one are empty (other
     * workers' queues have their own workers). Pushing the LIFO task to the back of an empty
     * queue would serve no one, and would wake a parked worker to steal it: in a ping-pong of
     * two tasks, a park and an unpark every few messages.
     */
    private boolean nothingElseWaits() {
        return queue.isEmpty() && pool.inject.isEmpty();
    }

    /**
     * Polls one task, published for the watchdog and dumps with release/opaque stores (no fence).
     * Kept under 35 bytes of bytecode (HotSpot's MaxInlineSize) so that it still inlines at the
     * LIFO call site, which is not always hot; the rare path is a separate method.
     */
    private void poll(Task<?> task) {
        stats.pollStarted(task.id());
        boolean yielded = pollOnce(task);
        stats.pollEnded();
        if (yielded) requeueYielded(task);
    }

    /** A task woken during its own poll (it yielded): to the back of the queue, not the LIFO slot. */
    private void requeueYielded(Task<?> task) {
        stats.scheduled();
        push(task);
    }

    private void park() {
        stats.parking();
        pool.inject.trimIdle(); // nothing to do: a burst's large ring need not stay
        boolean wasLastSearcher = pool.idle.transitionWorkerToParked(index, searching);
        searching = false;
        if (wasLastSearcher) pool.notifyIfWorkPending();
        while (!pool.isShuttingDown() && pool.idle.isParked(index)) {
            LockSupport.park(this);
            Thread.interrupted(); // a task's stray interrupt must not turn park() into a spin
        }
        stats.awake();
        pool.workerAwake(); // moves the clock, wakes the watchdog if it sleeps
        // Picked by Idle.workerToNotify(), which counted us as searching.
        searching = !pool.isShuttingDown();
    }

    private int nextRandom(int bound) {
        int x = rng; // xorshift32
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        rng = x;
        return (x & Integer.MAX_VALUE) % bound;
    }

    /** After this thread has terminated: drops the local queue and LIFO slot entries. */
    void discardQueue() {
        queue.clear();
        lifo = null;
    }
}
