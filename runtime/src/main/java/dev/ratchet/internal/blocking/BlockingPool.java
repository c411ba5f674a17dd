package dev.ratchet.internal.blocking;

import dev.ratchet.internal.CurrentRuntime;
import dev.ratchet.internal.RuntimeHandle;
import dev.ratchet.runtime.JoinHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pool behind {@code spawnBlocking}: threads kept apart from the workers, created on demand
 * up to a maximum, each dying after a keep-alive without work; jobs beyond the maximum wait in a
 * FIFO queue (Tokio's {@code blocking/pool.rs}).
 *
 * <p>Everything below is guarded by {@link #lock}. A submitter that finds an idle thread hands
 * the wake-up to it explicitly ({@code idle--, notified++}, then signal) so that two quick
 * submissions never count the same idle thread twice; a waiting thread leaves only by consuming
 * one {@code notified}, by shutdown, or by its keep-alive expiring with no notification for it.
 *
 * <p>Blocking threads have the executor as their {@link CurrentRuntime}, so {@code
 * Futures.spawn} works inside a blocking job. They are daemon threads: {@code close()} joins
 * them, but a forgotten executor does not keep the JVM alive.
 */
public final class BlockingPool {
    private final String threadNamePrefix;
    private final int maxThreads;
    private final long keepAliveNanos;
    private final RuntimeHandle runtime;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final ArrayDeque<BlockingJob<?>> queue = new ArrayDeque<>();
    private final Set<Thread> live = new HashSet<>();
    /** Threads started and not yet exited. */
    private int threads;
    /** Threads waiting for work that no submitter has claimed yet. */
    private int idle;
    /** Wake-ups handed to idle threads and not yet consumed. */
    private int notified;
    private int nextThreadNumber;
    private boolean shutdown;

    /**
     * @param threadNamePrefix threads are named {@code prefix + "-blocking-" + n}
     * @param runtime made current on the pool's threads
     */
    public BlockingPool(String threadNamePrefix, int maxThreads, long keepAliveNanos, RuntimeHandle runtime) {
        if (maxThreads <= 0) throw new IllegalArgumentException("maxThreads must be positive, got " + maxThreads);
        if (keepAliveNanos < 0) throw new IllegalArgumentException("keepAlive must not be negative, got " + keepAliveNanos);
        this.threadNamePrefix = Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
        this.maxThreads = maxThreads;
        this.keepAliveNanos = keepAliveNanos;
        this.runtime = runtime;
    }

    /**
     * Queues {@code work} and makes sure a thread will run it: an idle one, or a new one while
     * fewer than the maximum exist; otherwise it waits for a running thread to finish its job.
     *
     * @throws IllegalStateException "executor is closed" after {@link #shutdown()}
     */
    public <T> JoinHandle<T> submit(Callable<T> work) {
        Objects.requireNonNull(work, "work");
        BlockingJob<T> job = new BlockingJob<>(work, this);
        Thread toStart = null;
        lock.lock();
        try {
            if (shutdown) throw new IllegalStateException("executor is closed");
            queue.addLast(job);
            if (idle > 0) {
                idle--;
                notified++;
                workAvailable.signal();
            } else if (threads < maxThreads) {
                threads++;
                toStart = new PoolThread(threadNamePrefix + "-blocking-" + nextThreadNumber++);
                live.add(toStart);
            }
        } finally {
            lock.unlock();
        }
        if (toStart != null) toStart.start();
        return job.handle();
    }

    /** Removes a job that was aborted before it started. */
    void remove(BlockingJob<?> job) {
        lock.lock();
        try {
            queue.remove(job);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the calling thread belongs to this pool. */
    public boolean isPoolThread() {
        return Thread.currentThread() instanceof PoolThread t && t.pool() == this;
    }

    /** How many threads exist right now (for tests and diagnostics). */
    public int threadCount() {
        lock.lock();
        try {
            return threads;
        } finally {
            lock.unlock();
        }
    }

    /** How many threads wait for work right now (tests). */
    int idleThreadCount() {
        lock.lock();
        try {
            return idle;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Shuts the pool down: refuses new jobs; completes queued jobs with {@link
     * java.util.concurrent.CancellationException}; interrupts the jobs still running (a blocking
     * call that honours interrupts returns early) and joins every thread. Must not be called from
     * a pool thread. Idempotent.
     */
    public void shutdown() {
        List<BlockingJob<?>> dropped;
        List<Thread> toJoin;
        lock.lock();
        try {
            shutdown = true;
            dropped = new ArrayList<>(queue);
            queue.clear();
            toJoin = new ArrayList<>(live);
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        for (BlockingJob<?> job : dropped) job.cancelIfQueued("the executor closed before the blocking job started");
        for (Thread t : toJoin) t.interrupt();
        boolean interrupted = false;
        for (Thread t : toJoin) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void workerLoop() {
        lock.lock();
        try {
            while (true) {
                BlockingJob<?> job;
                while ((job = queue.pollFirst()) != null) {
                    lock.unlock();
                    try {
                        job.run();
                    } finally {
                        Thread.interrupted(); // an interrupt aimed at this job must not leak into the next
                        lock.lock();
                    }
                }
                if (shutdown || !awaitWork()) return;
            }
        } finally {
            threads--;
            live.remove(Thread.currentThread());
            lock.unlock();
        }
    }

    /** With the lock held: waits as an idle thread; false if the thread must exit. */
    private boolean awaitWork() {
        idle++;
        long remaining = keepAliveNanos;
        while (true) {
            try {
                remaining = workAvailable.awaitNanos(remaining);
            } catch (InterruptedException e) {
                // Only shutdown interrupts pool threads; the checks below decide.
            }
            if (notified > 0) {
                notified--; // the submitter already took us off the idle count
                return true;
            }
            if (shutdown || remaining <= 0) {
                idle--;
                return false;
            }
        }
    }

    private final class PoolThread extends Thread {
        PoolThread(String name) {
            super(name);
            setDaemon(true);
        }

        BlockingPool pool() {
            return BlockingPool.this;
        }

        @Override
        public void run() {
            RuntimeHandle previous = CurrentRuntime.enter(runtime);
            try {
                workerLoop();
            } finally {
                CurrentRuntime.exit(previous);
            }
        }
    }
}
