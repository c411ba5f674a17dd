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
import dev.ratchet.internal.task.Task;
import java.lang.invoke.VarHandle;
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
        super(config);
        this.idle = new Idle(config.workers());
        this.workers = new Worker[config.workers()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(this, i, config.threadNamePrefix() + "-worker-" + i);
        }
        for (Worker w : workers) w.start();
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
            inject.push(task);
            notifyParked();
        }
    }

    /** After queueing work: wakes one parked worker if nobody is searching (see {@link Idle}). */
    void notifyParked() {
        // Orders the queue write before the read of Idle's state (the producer half of the
        // Dekker pair described in Idle): a release store of a local queue's tail alone would not.
        VarHandle.fullFence();
        notifyParkedAfterVolatileWrite();
    }

    /**
     * {@link #notifyParked()} without the fence, for a producer whose publication was itself a
     * volatile write (e.g. an atomic swap into a LIFO slot that parking workers read as a
     * volatile): the Java memory model already orders it before the volatile read of Idle.
     */
    void notifyParkedAfterVolatileWrite() {
        int id = idle.workerToNotify();
        if (id >= 0) LockSupport.unpark(workers[id]);
    }

    /** Called by the last searcher before it parks: wakes a worker if any queue holds work. */
    void notifyIfWorkPending() {
        for (Worker w : workers) {
            if (!w.queue.isEmpty() || w.hasLifo()) {
                notifyParked();
                return;
            }
        }
        if (!inject.isEmpty()) notifyParked();
    }

    @Override
    protected boolean isOwnThread() {
        return Thread.currentThread() instanceof Worker w && w.pool == this;
    }

    @Override
    protected <T> T runBlockOn(Future<T> future) {
        ThreadWaker waker = new ThreadWaker(Thread.currentThread());
        Context cx = Context.withBudget(waker, config.budget());
        RuntimeHandle previous = CurrentRuntime.enter(this);
        try {
            while (true) {
                waker.clear(); // before the poll: a wake during it is seen by parkUntilNotified
                cx.refillBudget(config.budget());
                Poll<T> p = future.poll(cx);
                if (p.isReady()) return p.value();
                waker.parkUntilNotified();
            }
        } finally {
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

    // ---- diagnostics for tests

    /** Total parks of all workers since start. */
    public long parkCount() {
        long n = 0;
        for (Worker w : workers) n += w.parkCount();
        return n;
    }

    /** Total tasks obtained by stealing. */
    public long stealCount() {
        long n = 0;
        for (Worker w : workers) n += w.stealCount();
        return n;
    }
}
