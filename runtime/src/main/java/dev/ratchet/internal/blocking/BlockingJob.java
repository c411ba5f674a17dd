package dev.ratchet.internal.blocking;

import dev.ratchet.debug.TaskDump;
import dev.ratchet.internal.task.JoinTarget;
import dev.ratchet.internal.task.Sneaky;
import dev.ratchet.internal.task.TaskJoinHandle;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code spawnBlocking} call: a {@link Callable} waiting in, or running on, the {@link
 * BlockingPool}, and the output its {@link TaskJoinHandle} reads.
 *
 * <p>States: {@code QUEUED -> RUNNING -> DONE}, or {@code QUEUED -> DONE} when aborted (or
 * discarded at shutdown) before a thread took it. Only the CAS out of {@code QUEUED} decides who
 * runs or finishes the job, so an abort racing the start is safe: exactly one wins.
 *
 * @param <T> the output type
 */
final class BlockingJob<T> implements JoinTarget<T> {
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;

    private final Callable<T> work;
    private final BlockingPool pool;
    private final TaskJoinHandle<T> handle = new TaskJoinHandle<>(this);
    /** QUEUED/RUNNING/DONE; the write of DONE publishes value/failure (written by the one claimer). */
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private T value;
    private Throwable failure;
    /**
     * {@link System#nanoTime()} when a pool thread started the work, for {@link #toString()}
     * ({@code running for 1.204 s}); volatile so a dump on another thread reads a whole value.
     * Written once per job, next to a thread hand-off that costs far more.
     */
    private volatile long startedAt;

    BlockingJob(Callable<T> work, BlockingPool pool) {
        this.work = work;
        this.pool = pool;
    }

    TaskJoinHandle<T> handle() {
        return handle;
    }

    /** On a pool thread: runs the work unless the job was aborted first. */
    void run() {
        if (!state.compareAndSet(QUEUED, RUNNING)) return;
        startedAt = System.nanoTime();
        T v = null;
        Throwable f = null;
        try {
            v = work.call();
        } catch (Throwable t) {
            f = t;
        }
        finish(v, f);
    }

    /**
     * Finishes a job that never started with {@link CancellationException}; returns false if a
     * thread had already taken it. Claims the job with the same CAS as {@link #run()}, so the
     * output fields have one writer.
     */
    boolean cancelIfQueued(String why) {
        if (!state.compareAndSet(QUEUED, RUNNING)) return false;
        finish(null, new CancellationException(why));
        return true;
    }

    /** Only the thread that moved the job out of QUEUED calls this. */
    private void finish(T v, Throwable f) {
        value = v;
        failure = f;
        state.set(DONE); // publishes value/failure
        handle.notifyJoiner();
    }

    @Override
    public boolean isComplete() {
        return state.get() == DONE;
    }

    @Override
    public T resultNow() {
        if (!isComplete()) throw new IllegalStateException("blocking job " + this + " has not completed");
        if (failure != null) throw Sneaky.rethrow(failure);
        return value;
    }

    /**
     * Removes a job that has not started from the queue and completes it with {@link
     * CancellationException}. A job already running is not interrupted: it runs to the end and
     * its handle completes with its result.
     */
    @Override
    public void abort() {
        if (cancelIfQueued("blocking job aborted before it started")) pool.remove(this);
    }

    /**
     * For task dumps and messages: {@code spawnBlocking job (queued)}, {@code (running for 1.204
     * s)}, {@code (done)}. Its join handle shows it as {@code JoinHandle[spawnBlocking job ...]}.
     */
    @Override
    public String toString() {
        return "spawnBlocking job (" + switch (state.get()) {
            case QUEUED -> "queued";
            case RUNNING -> running();
            default -> "done";
        } + ")";
    }

    private String running() {
        long t = startedAt;
        // 0: claimed by cancelIfQueued, or run() has not stored the time yet.
        return t == 0 ? "running" : "running for " + TaskDump.format(Duration.ofNanos(System.nanoTime() - t));
    }
}
