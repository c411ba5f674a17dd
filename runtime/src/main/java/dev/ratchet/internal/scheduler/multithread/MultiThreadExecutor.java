package dev.ratchet.internal.scheduler.multithread;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.CurrentRuntime;
import dev.ratchet.internal.RuntimeHandle;
import dev.ratchet.internal.scheduler.BaseExecutor;
import dev.ratchet.internal.scheduler.ExecutorConfig;
import dev.ratchet.internal.scheduler.InjectQueue;
import dev.ratchet.internal.scheduler.ThreadWaker;
import dev.ratchet.internal.diag.WorkerStats;
import dev.ratchet.internal.scheduler.BlockOnRoot;
import dev.ratchet.internal.task.Task;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code Executor.multiThreaded()}: a fixed set of {@link Worker}s with local queues and work
 * stealing, a shared {@link InjectQueue} for work from outside, and {@link Idle} to park and
 * wake workers one at a time.
 *
 * <p>Where a wake goes: on a worker thread of this executor, into that worker's LIFO slot;
 * anywhere else, into the shared queue, followed by {@link #notifyParked()}.
 */
public final class MultiThreadExecutor extends BaseExecutor {
    final InjectQueue inject = new InjectQueue();
    final Idle idle;
    private final Worker[] workers;

    public MultiThreadExecutor(ExecutorConfig config) {
        super(config, config.workers());
        this.idle = new Idle(config.workers());
        this.workers = new Worker[config.workers()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(this, i, config.threadNamePrefix() + "-worker-" + i, workerStats[i]);
        }
        for (Worker w : workers) w.start();
        started();
    }

    /** For a worker back from park; see {@link #pollingThreadAwake()}. */
    void workerAwake() {
        pollingThreadAwake();
    }

    /** Whether workers must refresh the clock themselves (no watchdog does it). */
    boolean workersRefreshClock() {
        return !hasWatchdog();
    }

    /** For a worker that has no watchdog to move the clock (every few dozen polls). */
    void refreshClock() {
        clock.refresh();
    }

    Worker[] workers() {
        return workers;
    }

    int workerCount() {
        return workers.length;
    }

    boolean isShuttingDown() {
        return isClosing();
    }

    @Override
    public void schedule(Task<?> task) {
        if (Thread.currentThread() instanceof Worker w && w.pool == this) {
            w.scheduleLocal(task);
        } else {
            inject.submit(task);
            notifyParked();
        }
    }

    /** On a worker of this executor: see {@link Worker#continuesSpentPoll}. */
    @Override
    public boolean continuesSpentPoll(Task<?> task) {
        return Thread.currentThread() instanceof Worker w && w.pool == this && w.continuesSpentPoll(task);
    }

    @Override
    protected void scheduleSpawned(Task<?> task, int spawner) {
        if (spawner >= 0) {
            workers[spawner].scheduleSpawned(task);
        } else {
            inject.submit(task);
            notifyParked();
        }
    }

    /** After queueing work: wakes one parked worker if nobody is searching (see {@link Idle}). */
    void notifyParked() {
        // Orders the queue write before the read of Idle's state (the producer half of the
        // Dekker pair described in Idle): a release store of a local queue's tail alone would not.
        VarHandle.fullFence();
        int id = idle.workerToNotify();
        if (id >= 0) LockSupport.unpark(workers[id]);
    }

    /**
     * Called by the last searcher before it parks: wakes a worker if any queue holds work that a
     * woken worker could take (not a LIFO slot: only its own worker runs it, see {@link Worker}).
     */
    void notifyIfWorkPending() {
        for (Worker w : workers) {
            if (!w.queue.isEmpty()) {
                notifyParked();
                return;
            }
        }
        if (!inject.isEmpty()) notifyParked();
    }

    /**
     * A worker's poll has lasted a whole watchdog period: a task waiting in its LIFO slot would
     * wait for that poll to end, so it moves to the shared queue, and a parked worker is woken.
     */
    @Override
    protected void workerStalled(int worker) {
        Task<?> task = workers[worker].takeLifo();
        if (task == null) return;
        inject.submit(task);
        notifyParked();
    }

    @Override
    protected int pollingThreadIndex() {
        return Thread.currentThread() instanceof Worker w && w.pool == this ? w.index : -1;
    }

    /**
     * The root is polled on the calling thread, which is no worker: it has no {@link
     * WorkerStats} and the watchdog does not watch it (it blocks no worker), but dumps list it.
     */
    @Override
    protected <T> T runBlockOn(Future<T> future) {
        ThreadWaker waker = new ThreadWaker(Thread.currentThread());
        Context cx = Context.withBudget(waker, config.budget());
        BlockOnRoot root = enterBlockOn(future, waker);
        RuntimeHandle previous = CurrentRuntime.enter(this);
        try {
            while (true) {
                waker.clear(); // before the poll: a wake during it is seen by parkUntilNotified
                cx.refillBudget(config.budget());
                root.pollStarted(clock.now());
                Poll<T> p;
                try {
                    p = future.poll(cx);
                } finally {
                    root.pollEnded(clock.now());
                }
                if (p.isReady()) return p.value();
                waker.parkUntilNotified();
            }
        } finally {
            exitBlockOn(root);
            CurrentRuntime.exit(previous);
            waker.restoreInterrupt();
        }
    }

    @Override
    protected void stopWorkers() {
        for (Worker w : workers) LockSupport.unpark(w);
        boolean interrupted = false;
        for (Worker w : workers) {
            while (true) {
                try {
                    w.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    @Override
    protected void discardQueues() {
        for (Worker w : workers) w.discardQueue(); // safe: the workers have terminated
        inject.clear();
    }

    // ---- diagnostics

    @Override
    protected long schedulesFromOutside() {
        return inject.submittedCount();
    }

    @Override
    protected List<Integer> localQueueDepths() {
        List<Integer> depths = new ArrayList<>(workers.length);
        for (Worker w : workers) depths.add(Math.max(0, w.queue.size()) + (w.hasLifo() ? 1 : 0));
        return depths;
    }

    @Override
    protected int injectQueueDepth() {
        return inject.size();
    }

    /** Total parks of all workers since start (tests). */
    public long parkCount() {
        return metrics().parks();
    }

    /** Total tasks obtained by stealing (tests). */
    public long stealCount() {
        return metrics().steals();
    }
}
