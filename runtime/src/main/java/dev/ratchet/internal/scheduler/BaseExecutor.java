package dev.ratchet.internal.scheduler;

import dev.ratchet.Future;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.internal.CurrentRuntime;
import dev.ratchet.internal.RuntimeHandle;
import dev.ratchet.internal.blocking.BlockingPool;
import dev.ratchet.internal.diag.CoarseClock;
import dev.ratchet.internal.diag.OpenExecutors;
import dev.ratchet.internal.diag.PollSubject;
import dev.ratchet.internal.diag.TaskEvents;
import dev.ratchet.internal.diag.Watchdog;
import dev.ratchet.internal.diag.WorkerStats;
import dev.ratchet.internal.task.Scheduler;
import dev.ratchet.internal.task.Task;
import dev.ratchet.internal.task.TaskRegistry;
import dev.ratchet.internal.io.Reactor;
import dev.ratchet.internal.io.ReactorOwner;
import dev.ratchet.internal.time.TimerDriver;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.ExecutorMetrics;
import dev.ratchet.runtime.JoinHandle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What both executors share: spawning into the {@link TaskRegistry}, the blocking pool, the
 * timer driver, the {@code blockOn} checks and the shutdown sequence, and the diagnostics: the
 * {@link CoarseClock} that stamps polls, one {@link WorkerStats} per thread that polls tasks,
 * the {@link Watchdog} (unless long-poll detection is off), dumps and metrics. Subclasses supply
 * the run queues and threads ({@link #schedule}, {@link #runBlockOn}, {@link #stopWorkers},
 * {@link #discardQueues}, the queue figures of {@link #metrics()}) and call {@link #started()}
 * at the end of their constructor.
 */
public abstract class BaseExecutor implements Executor, RuntimeHandle, ReactorOwner, Scheduler {
    /** Bound on the cancellation polls of one task at shutdown (a cleanup that yields forever). */
    static final int MAX_SHUTDOWN_POLLS = 1024;

    protected final ExecutorConfig config;
    protected final TaskRegistry registry;
    /** {@code config.budget()}, read by every poll of every task ({@link #budget()}). */
    private final int budget;
    private final BlockingPool blocking;
    private final TimerDriver timer;
    /**
     * The I/O reactor, created on first use so an executor that does no I/O has no selector
     * thread. Written once under {@code this}; volatile for the unlocked fast path of {@link
     * #reactor()}.
     */
    private volatile Reactor reactor;

    /**
     * Set at the first step of {@link #close()}; read by workers between polls (they stop) and by
     * {@code blockOn} (it refuses). Volatile: no lock on those paths.
     */
    private volatile boolean closing;
    private final AtomicBoolean closeStarted = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    /** Ticks for last-poll stamps; see {@link CoarseClock} for who refreshes it. */
    protected final CoarseClock clock = new CoarseClock();
    /** One per thread that polls tasks: a worker, or a currentThread executor's driver. */
    protected final WorkerStats[] workerStats;
    /** Samples {@link #workerStats} for long polls; null when detection is off. */
    private final Watchdog watchdog;
    /** The roots of the {@code blockOn} calls running now (dumps list them as id 0). */
    private final Set<BlockOnRoot> roots = ConcurrentHashMap.newKeySet();

    /** @param pollingThreads how many threads poll tasks: one {@link WorkerStats} each */
    protected BaseExecutor(ExecutorConfig config, int pollingThreads) {
        this.config = Objects.requireNonNull(config, "config");
        this.registry = new TaskRegistry(pollingThreads);
        this.budget = config.budget();
        this.blocking = new BlockingPool(
                config.threadNamePrefix(), config.maxBlockingThreads(), config.blockingKeepAliveNanos(), this);
        this.timer = new TimerDriver(config.threadNamePrefix() + "-timer");
        this.workerStats = new WorkerStats[pollingThreads];
        for (int i = 0; i < pollingThreads; i++) workerStats[i] = new WorkerStats(clock);
        this.watchdog = config.detectsLongPolls()
                ? new Watchdog(config.threadNamePrefix() + "-watchdog", workerStats, clock,
                        config.longPollThreshold(), config.diagnosticLog(), this::pollSubject, this::workerStalled)
                : null;
    }

    /**
     * End of a subclass constructor: starts the watchdog and makes the executor visible to
     * {@code Diagnostics.dumpAll()} (not earlier: a dump of a half-built executor would fail).
     */
    protected final void started() {
        if (watchdog != null) watchdog.start();
        OpenExecutors.register(this);
    }

    // ---- spawning

    @Override
    public final <T> JoinHandle<T> spawn(Future<T> future) {
        return spawnTask(null, future);
    }

    @Override
    public final <T> JoinHandle<T> spawn(String name, Future<T> future) {
        return spawnTask(Objects.requireNonNull(name, "name"), future);
    }

    private <T> JoinHandle<T> spawnTask(String name, Future<T> future) {
        Objects.requireNonNull(future, "future");
        Task<T> task = Task.create(future, name, this);
        int spawner = pollingThreadIndex();
        registry.add(task, spawner); // throws "executor is closed" once close() started
        if (TaskEvents.spawnedEnabled()) TaskEvents.spawned(task);
        scheduleSpawned(task, spawner); // a new task is held by this, its one submission (see TaskState)
        return task; // the task is its own join handle
    }

    /**
     * Schedules a task just spawned by polling thread {@code spawner} (-1: by another thread).
     * By default the same as a wake.
     */
    protected void scheduleSpawned(Task<?> task, int spawner) {
        schedule(task);
    }

    @Override
    public final <T> JoinHandle<T> spawnBlocking(Callable<T> work) {
        Objects.requireNonNull(work, "work");
        // The pool itself refuses only from step 4 of close(); refuse from step 1, like spawn.
        if (closing) throw new IllegalStateException("executor is closed");
        return blocking.submit(work);
    }

    @Override
    public final TimerDriver timer() {
        return timer;
    }

    @Override
    public final Reactor reactor() {
        Reactor r = reactor;
        if (r != null) return r;
        synchronized (this) {
            if (reactor == null) {
                if (closing) throw new IllegalStateException("executor is closed: no new I/O can be registered");
                reactor = new Reactor(config.threadNamePrefix() + "-io");
            }
            return reactor;
        }
    }

    @Override
    public final int budget() {
        return budget;
    }

    @Override
    public final void release(Task<?> task) {
        registry.remove(task);
    }

    @Override
    public final int pollStamp() {
        return clock.now();
    }

    // ---- diagnostics

    /**
     * For a polling thread back from park (after {@link WorkerStats#awake()}): moves the clock
     * (it may have stood still while everything slept) and wakes the watchdog if it sleeps.
     */
    protected final void pollingThreadAwake() {
        clock.refresh();
        if (watchdog != null) watchdog.workerAwake();
    }

    /** Whether a watchdog refreshes the clock (else polling threads do it every few dozen polls). */
    protected final boolean hasWatchdog() {
        return watchdog != null;
    }

    /** The watchdog, or null when long-poll detection is off (tests). */
    public final Watchdog watchdog() {
        return watchdog;
    }

    /**
     * From the watchdog thread: the poll running on polling thread {@code worker} has lasted at
     * least one sampling period. An executor whose threads keep work that only they run (a
     * multiThreaded worker's LIFO slot) hands it to a free thread here. Must be quick.
     */
    protected void workerStalled(int worker) {}

    /**
     * The task with this id (or, for 0, the running blockOn root), for the watchdog: workers
     * publish ids, not references. Null if it has completed. A registry scan: only when a long
     * poll is found.
     */
    private PollSubject pollSubject(int id) {
        if (id == BlockOnRoot.ID) {
            for (BlockOnRoot root : roots) return root; // only a currentThread driver polls one
            return null;
        }
        return registry.find(id);
    }

    /** Registers a running {@code blockOn}'s root for dumps; pair with {@link #exitBlockOn}. */
    protected final BlockOnRoot enterBlockOn(Future<?> future, ThreadWaker waker) {
        BlockOnRoot root = new BlockOnRoot(future, waker);
        roots.add(root);
        return root;
    }

    protected final void exitBlockOn(BlockOnRoot root) {
        roots.remove(root);
    }

    @Override
    public final TaskDump dump() {
        return TaskDumps.take(config.threadNamePrefix(), clock, roots, registry.snapshot(), workerStats);
    }

    @Override
    public final ExecutorMetrics metrics() {
        long polls = 0, schedules = 0, steals = 0, parks = 0;
        for (WorkerStats w : workerStats) {
            polls += w.polls();
            schedules += w.schedules();
            steals += w.steals();
            parks += w.parks();
        }
        return new ExecutorMetrics(workerStats.length, registry.size(), registry.addedCount(), polls, schedules,
                schedulesFromOutside(), steals, parks, localQueueDepths(), injectQueueDepth(),
                watchdog == null ? 0 : watchdog.longPolls(), blocking.threadCount());
    }

    /** Spawns and wakes queued from threads that do not poll this executor's tasks. */
    protected abstract long schedulesFromOutside();

    /** Tasks in each polling thread's own run queue now (racy). */
    protected abstract List<Integer> localQueueDepths();

    /** Tasks in the shared queue now. */
    protected abstract int injectQueueDepth();

    /** Whether {@link #close()} has started: workers stop polling, {@code blockOn} refuses. */
    protected final boolean isClosing() {
        return closing;
    }

    /** Number of live tasks (diagnostics and tests). */
    public final int liveTaskCount() {
        return registry.size();
    }

    /** Number of blocking threads alive (diagnostics and tests). */
    public final int blockingThreadCount() {
        return blocking.threadCount();
    }

    // ---- blockOn

    @Override
    public final <T> T blockOn(Future<T> future) {
        Objects.requireNonNull(future, "future");
        if (closing) throw new IllegalStateException("executor is closed");
        if (isOwnThread()) {
            throw new IllegalStateException("blockOn was called from a task running on this executor: the thread "
                    + "would wait for work that only it can run (deadlock). Await the future instead, or spawn it "
                    + "and await the JoinHandle");
        }
        return runBlockOn(future);
    }

    /**
     * The index of the calling thread among those that poll this executor's tasks (a worker, or
     * the driving thread), or -1 if it is none of them.
     */
    protected abstract int pollingThreadIndex();

    /** Whether the calling thread polls this executor's tasks. */
    private boolean isOwnThread() {
        return pollingThreadIndex() >= 0;
    }

    /** Runs {@code future} as the root of {@code blockOn} on the calling thread. */
    protected abstract <T> T runBlockOn(Future<T> future);

    // ---- close

    @Override
    public final void close() {
        if (isOwnThread() || blocking.isPoolThread()) {
            throw new IllegalStateException("close() was called from a task or blocking job of this executor: it "
                    + "would wait for its own thread. Close the executor from outside it (e.g. after blockOn returns)");
        }
        if (!closeStarted.compareAndSet(false, true)) {
            awaitClosed(); // a concurrent close() does the work; return when it is done
            return;
        }
        try {
            // 1. Stop accepting work. After registry.close(), no task can be added: every task
            //    that exists is in the registry, so step 3 finds all of them.
            closing = true;
            registry.close();
            // 2. Let running polls finish and stop the threads that poll (joined when this returns),
            //    then forget the run queues: from here on only this thread polls tasks.
            stopWorkers();
            discardQueues();
            // No poll runs any more: the watchdog's last sample reports the end of a long poll
            // that close() waited for, then its thread ends.
            if (watchdog != null) watchdog.stop();
            // 3. Cancel every task left and drive its cleanup on this thread. Wakes during the
            //    cleanup queue entries that nobody runs; this step polls again itself when a task
            //    it owns was woken (see cancelRemainingTasks).
            RuntimeHandle previous = CurrentRuntime.enter(this);
            try {
                cancelRemainingTasks();
            } finally {
                CurrentRuntime.exit(previous);
            }
            discardQueues();
            // 4. Blocking jobs: queued ones cancelled, running ones interrupted, threads joined.
            blocking.shutdown();
            // 5. The timer driver and the reactor (if any I/O created it), and their threads.
            timer.close();
            Reactor r;
            synchronized (this) {
                r = reactor;
            }
            if (r != null) r.close();
        } finally {
            OpenExecutors.unregister(this);
            closed.countDown();
        }
    }

    /**
     * Step 3 of close. Every task is taken over, cancelled and polled while it keeps being woken.
     * Cleanups may depend on each other (a cancelled parent waits for the child it aborted), so
     * the tasks still pending are polled again, in passes, as long as some of them were woken by
     * the others; then the rest are abandoned (finished with CancellationException). Bounded:
     * at most {@value #MAX_SHUTDOWN_POLLS} polls per task per pass and as many passes.
     */
    private void cancelRemainingTasks() {
        List<Task<?>> pending = new ArrayList<>();
        for (Task<?> task : registry.snapshot()) {
            if (task.shutdownStart(MAX_SHUTDOWN_POLLS)) pending.add(task);
        }
        for (int pass = 0; pass < MAX_SHUTDOWN_POLLS && !pending.isEmpty(); pass++) {
            boolean progress = false;
            for (Iterator<Task<?>> it = pending.iterator(); it.hasNext(); ) {
                Task<?> task = it.next();
                if (!task.wokenDuringShutdown()) continue;
                progress = true;
                if (!task.shutdownResume(MAX_SHUTDOWN_POLLS)) it.remove();
            }
            if (!progress) break;
        }
        for (Task<?> task : pending) task.shutdownAbandon();
    }

    private void awaitClosed() {
        boolean interrupted = false;
        while (true) {
            try {
                closed.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /**
     * Step 2 of close: stop polling tasks once the polls in progress have finished, and join the
     * threads that poll them. {@link #isClosing()} is already true.
     */
    protected abstract void stopWorkers();

    /** Drops every run-queue entry (the tasks stay in the registry). Only after {@link #stopWorkers()}. */
    protected abstract void discardQueues();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + config.threadNamePrefix() + (closing ? ", closed" : "") + "]";
    }
}
