package dev.ratchet.internal.scheduler.currentthread;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.CurrentRuntime;
import dev.ratchet.internal.RuntimeHandle;
import dev.ratchet.internal.diag.WorkerStats;
import dev.ratchet.internal.scheduler.BaseExecutor;
import dev.ratchet.internal.scheduler.BlockOnRoot;
import dev.ratchet.internal.scheduler.ExecutorConfig;
import dev.ratchet.internal.scheduler.InjectQueue;
import dev.ratchet.internal.scheduler.ThreadWaker;
import dev.ratchet.internal.task.Task;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code Executor.currentThread()}: every task is polled on the thread inside {@link #blockOn},
 * between polls of the root future (Tokio's {@code current_thread} scheduler).
 *
 * <p>The right to poll tasks is the {@link #core} lock, held by the thread inside {@code
 * blockOn} (the driver) for its duration. Wakes on the driver thread go to {@link #local}, a
 * plain deque no other thread touches; wakes from other threads go to {@link #inject} and
 * unpark the driver. The driver parks when the root is not woken and both queues are empty;
 * an unpark before the park is kept as the thread's permit, so a remote wake is never lost.
 *
 * <p>Diagnostics: the driver is this executor's one polling thread. It writes the executor's
 * single {@link WorkerStats} (one driver at a time, under {@link #core}, whose lock hand-over
 * orders successive drivers' writes), for polls of tasks and of the root alike: a root poll that
 * blocks the driver blocks every task, so the watchdog reports it too (as {@code Task#0
 * "blockOn"}). While nobody drives, the stats say idle and the watchdog sleeps.
 */
public final class CurrentThreadExecutor extends BaseExecutor {
    /** Take from the shared queue first every this many polls, so remote wakes are not starved. */
    private static final int INJECT_INTERVAL = 61;
    /** Tasks polled between two looks at the root future (Tokio's event interval). */
    private static final int MAX_TASKS_PER_ROOT_POLL = 61;

    /** Held by the driver thread inside blockOn (and by close() once it has taken over). */
    private final ReentrantLock core = new ReentrantLock();
    /** Tasks woken on the driver thread; guarded by {@link #core}. */
    private final ArrayDeque<Task<?>> local = new ArrayDeque<>();
    /** Tasks woken or spawned from other threads. */
    private final InjectQueue inject = new InjectQueue();
    /** The thread holding {@link #core} to run tasks, or null. Volatile: remote wakers unpark it. */
    private volatile Thread driver;
    /** Polls since the last forced look at {@link #inject}; guarded by {@link #core}. */
    private int tick;
    /** The task the driver is polling, or null; guarded by {@link #core}. */
    private Task<?> polling;
    /** The waker of the driver's {@code blockOn} root while it drives; guarded by {@link #core}. */
    private ThreadWaker drivingRoot;

    public CurrentThreadExecutor(ExecutorConfig config) {
        super(config, 1);
        started();
    }

    /** The driver's stats; written only by the thread holding {@link #core}. */
    private WorkerStats stats() {
        return workerStats[0];
    }

    @Override
    public void schedule(Task<?> task) {
        if (Thread.currentThread() == driver) {
            stats().scheduled();
            local.addLast(task); // we hold the core: the deque is ours
        } else {
            inject.submit(task);
            Thread d = driver;
            if (d != null) LockSupport.unpark(d);
        }
    }

    @Override
    protected int pollingThreadIndex() {
        return core.isHeldByCurrentThread() ? 0 : -1;
    }

    @Override
    protected <T> T runBlockOn(Future<T> future) {
        if (!core.tryLock()) {
            if (isClosing()) throw new IllegalStateException("executor is closed");
            throw new IllegalStateException("blockOn is already running on another thread: a currentThread executor "
                    + "is driven by one thread at a time; use Executor.multiThreaded() to block on several threads");
        }
        if (isClosing()) { // close() began after blockOn's first check
            core.unlock();
            throw new IllegalStateException("executor is closed");
        }
        Thread me = Thread.currentThread();
        driver = me;
        WorkerStats stats = stats();
        stats.ownedBy(me);
        stats.awake();
        pollingThreadAwake();
        boolean driving = true;
        RuntimeHandle previous = CurrentRuntime.enter(this);
        ThreadWaker rootWaker = new ThreadWaker(me);
        Context rootCx = Context.withBudget(rootWaker, config.budget());
        BlockOnRoot root = enterBlockOn(future, rootWaker);
        drivingRoot = rootWaker;
        try {
            while (true) {
                if (rootWaker.isNotified()) {
                    rootWaker.clear(); // before the poll: a wake during it is seen next round
                    rootCx.refillBudget(config.budget());
                    Poll<T> p = pollRoot(root, future, rootCx, driving);
                    if (p.isReady()) return p.value();
                }
                if (driving && isClosing()) {
                    // close() waits for the core: hand it over and keep polling only the root.
                    releaseCore();
                    driving = false;
                }
                if (driving && runTasks()) continue;
                if (!rootWaker.isNotified() && (!driving || (local.isEmpty() && inject.isEmpty()))) {
                    if (driving) {
                        stats.parking();
                        inject.trimIdle();
                    }
                    rootWaker.parkOnce(); // woken by the root waker or by a remote task wake
                    if (driving) {
                        stats.awake();
                        pollingThreadAwake();
                    }
                }
            }
        } finally {
            exitBlockOn(root);
            if (driving) releaseCore();
            CurrentRuntime.exit(previous);
            rootWaker.restoreInterrupt();
        }
    }

    /** One poll of the root, published to dumps and (while driving) to the watchdog. */
    private <T> Poll<T> pollRoot(BlockOnRoot root, Future<T> future, Context cx, boolean driving) {
        int tick = clock.now();
        root.pollStarted(tick);
        if (driving) stats().pollStarted(BlockOnRoot.ID);
        try {
            return future.poll(cx);
        } finally {
            if (driving) stats().pollEnded();
            root.pollEnded(clock.now());
        }
    }

    private void releaseCore() {
        stats().detached(); // nobody drives: idle for the watchdog
        drivingRoot = null;
        driver = null;
        core.unlock();
    }

    /**
     * Polls up to {@value #MAX_TASKS_PER_ROOT_POLL} ready tasks, or until none is left or close()
     * begins. Bounded both ways: a busy set of tasks cannot delay a woken root for long, and a
     * root that keeps yielding still lets this many tasks run between its polls.
     *
     * @return whether any task was polled
     */
    private boolean runTasks() {
        int ran = 0;
        WorkerStats stats = stats();
        while (ran < MAX_TASKS_PER_ROOT_POLL && !isClosing()) {
            Task<?> task = nextTask();
            if (task == null) break;
            ran++;
            stats.pollStarted(task.id());
            polling = task;
            boolean yielded;
            try {
                yielded = task.run();
            } finally {
                polling = null;
            }
            stats.pollEnded();
            if (yielded) {
                stats.scheduled();
                local.addLast(task); // it yielded: to the back of the queue
            }
        }
        return ran > 0;
    }

    /**
     * The task being polled spent its budget: it goes on with a new one if nothing else waits for
     * the driver (no queued task, a {@code blockOn} root not woken) and the executor is not
     * closing; see the multi-thread {@code Worker} for why.
     */
    @Override
    public boolean continuesSpentPoll(Task<?> task) {
        if (!core.isHeldByCurrentThread() || polling != task || drivingRoot == null) return false;
        if (drivingRoot.isNotified() || !local.isEmpty() || !inject.isEmpty() || isClosing()) return false;
        stats().pollRenewed();
        return true;
    }

    private Task<?> nextTask() {
        if (++tick % INJECT_INTERVAL == 0) {
            if (!hasWatchdog()) clock.refresh(); // no watchdog moves the clock: ~20 ns every 61 polls
            Task<?> t = inject.pop();
            if (t != null) return t;
        }
        Task<?> t = local.pollFirst();
        return t != null ? t : inject.pop();
    }

    @Override
    protected long schedulesFromOutside() {
        return inject.submittedCount();
    }

    /** The driver's queue; read racily from another thread (a diagnostic figure). */
    @Override
    protected List<Integer> localQueueDepths() {
        return List.of(Math.max(0, local.size()));
    }

    @Override
    protected int injectQueueDepth() {
        return inject.size();
    }

    @Override
    protected void stopWorkers() {
        Thread d = driver;
        if (d != null) LockSupport.unpark(d); // it sees isClosing() after its current poll
        core.lock(); // waits for the driver to let go; released by discardQueues()
    }

    @Override
    protected void discardQueues() {
        if (!core.isHeldByCurrentThread()) core.lock();
        try {
            local.clear();
            inject.clear();
        } finally {
            core.unlock();
        }
    }
}
