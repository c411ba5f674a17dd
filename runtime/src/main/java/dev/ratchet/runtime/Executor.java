package dev.ratchet.runtime;

import dev.ratchet.Future;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.internal.diag.DiagnosticLog;
import dev.ratchet.internal.scheduler.ExecutorConfig;
import dev.ratchet.internal.scheduler.currentthread.CurrentThreadExecutor;
import dev.ratchet.internal.scheduler.multithread.MultiThreadExecutor;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs futures as tasks: polls them when their wakers fire, with a cooperative budget per poll.
 *
 * <pre>{@code
 * try (Executor executor = Executor.multiThreaded()) {
 *     JoinHandle<Integer> a = executor.spawn(compute(1));
 *     JoinHandle<Integer> b = executor.spawn(compute(2));
 *     int sum = executor.blockOn(a) + executor.blockOn(b);
 * }
 * }</pre>
 *
 * <h2>Kinds</h2>
 * <ul>
 *   <li>{@link #currentThread()} polls every task on the thread that calls {@link #blockOn}
 *       (one such thread at a time); spawned tasks wait while no thread is inside {@code
 *       blockOn}.
 *   <li>{@link #multiThreaded()} polls tasks in parallel on worker threads (one per core by
 *       default) that steal work from each other; {@code blockOn} polls its root future on the
 *       calling thread while the workers run the spawned tasks.
 * </ul>
 * Each call of a factory makes a new executor with its own threads; {@link #builder()}
 * configures the rest. Inside a task (and inside {@code blockOn}), {@code Futures.spawn} and
 * {@code Futures.spawnBlocking} use the executor running the caller.
 *
 * <h2>Guarantees</h2>
 * A task is never polled by two threads at once; a wake during a poll causes exactly one more
 * poll; no wake is lost; the memory effects of a poll are visible to the next poll on any
 * thread. Each poll starts with a refilled budget ({@link Builder#budget(int)} units); a task
 * that spends it yields to the others. A task that spends it while nothing else waits for its
 * thread (no task in the worker's queues or the shared one; for a currentThread executor, no
 * woken {@code blockOn} root either) goes on with a new budget instead: there is nobody to yield
 * to. An abort or {@code close()} still reaches it at the next spent budget.
 *
 * <h2>Closing</h2>
 * {@link #close()} is idempotent and proceeds in steps:
 * <ol>
 *   <li>stop accepting work: later {@code spawn}, {@code spawnBlocking} and {@code blockOn}
 *       throw {@link IllegalStateException} ("executor is closed");
 *   <li>let the polls that are running finish, then stop the workers (a currentThread
 *       executor's {@code blockOn} keeps polling its own root future, but no task);
 *   <li>cancel every task left: call its future's {@code cancel()} and poll it on the closing
 *       thread until it completes — so its {@code finally} blocks run — or until a poll returns
 *       pending with no wake pending. Tasks still pending are polled again when another task's
 *       cleanup wakes them (a cancelled parent waiting for its aborted child), in passes, until
 *       a pass wakes none; the rest are finished with {@link
 *       java.util.concurrent.CancellationException} (nothing could ever poll them again).
 *       Bounded: at most 1024 polls per task per pass, 1024 passes;
 *   <li>complete queued blocking jobs with {@code CancellationException}, interrupt running
 *       ones and join every blocking thread;
 *   <li>close the timer driver.
 * </ol>
 * When it returns, no thread of the executor is alive and every {@link JoinHandle} it gave out is
 * finished. {@code close()} from a task or blocking job of the same executor throws {@link
 * IllegalStateException} (it would wait for itself).
 *
 * <h2>Seeing inside</h2>
 * {@link #dump()} lists every live task with its state, how long ago it was last polled and
 * where it is suspended ({@code dev.ratchet.debug.Diagnostics.dumpAll()} does it for every open
 * executor); {@link #metrics()} reads the executor's counters. A poll that blocks its thread for
 * longer than {@link Builder#longPollThreshold(Duration)} (default 50 ms) is logged through
 * {@code System.Logger} "dev.ratchet.runtime" at WARNING, with the task and the line it resumed
 * at, and counted; the executor records JFR events ({@code dev.ratchet.TaskSpawned}, {@code
 * TaskPoll}, {@code TaskCompleted}, {@code LongPoll}) when a recording enables them.
 */
public interface Executor extends AutoCloseable {
    /** A new executor that polls every task on the thread calling {@link #blockOn}. */
    static Executor currentThread() {
        return builder().buildCurrentThread();
    }

    /** A new work-stealing executor with one worker per available processor. */
    static Executor multiThreaded() {
        return builder().buildMultiThreaded();
    }

    /** A builder for executors with non-default settings. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Runs {@code future} to completion on the calling thread and returns its value; the thread
     * parks whenever the future is pending (an idle executor uses no CPU). A currentThread
     * executor also polls its spawned tasks on this thread meanwhile. The future's exception is
     * rethrown unchanged (checked exceptions included, undeclared). The executor is the current
     * runtime of the calling thread for the duration, so {@code Futures.spawn} works inside.
     *
     * @throws IllegalStateException if the executor is closed, or if called from a task of this
     *     executor (it would deadlock: await the future instead), or — for a currentThread
     *     executor — while another thread is inside {@code blockOn}
     */
    <T> T blockOn(Future<T> future);

    /**
     * Spawns {@code future} as a new task and returns its handle; the task starts without being
     * awaited. Safe from any thread.
     *
     * @throws IllegalStateException "executor is closed" after {@link #close()}
     */
    <T> JoinHandle<T> spawn(Future<T> future);

    /** Like {@link #spawn(Future)}, naming the task for diagnostics ({@code toString}, logs). */
    <T> JoinHandle<T> spawn(String name, Future<T> future);

    /**
     * A snapshot of every live task: id, name, state, time since its last poll and async
     * backtrace; a running {@code blockOn} appears as task 0 named "blockOn". Safe from any
     * thread, including a task of this executor; stops nothing, so it is best-effort (see {@link
     * TaskDump}). Times since the last poll have the resolution of the executor's coarse clock:
     * a fifth of the long-poll threshold (10 ms by default) while the workers are busy; with
     * detection off, the workers move the clock every few dozen polls and whenever they wake.
     *
     * <pre>{@code
     * System.err.println(executor.dump()); // e.g. from a debug endpoint
     * }</pre>
     */
    TaskDump dump();

    /**
     * The executor's counters and queue depths now. Counters are kept per worker by the worker
     * alone and summed here, so the figures are recent but not one consistent cut.
     *
     * <pre>{@code
     * ExecutorMetrics m = executor.metrics();
     * log.info("polls=" + m.polls() + " long polls=" + m.longPolls());
     * }</pre>
     */
    ExecutorMetrics metrics();

    /** Closes the executor in the steps listed in the class documentation. Idempotent. */
    @Override
    void close();

    /**
     * Settings for a new executor.
     *
     * <pre>{@code
     * Executor executor = Executor.builder()
     *         .workers(4)
     *         .threadNamePrefix("orders")
     *         .maxBlockingThreads(16)
     *         .buildMultiThreaded();
     * }</pre>
     */
    final class Builder {
        /** Tokio's default, and Ratchet's: units a task may spend per poll before it must yield. */
        public static final int DEFAULT_BUDGET = 128;
        public static final int DEFAULT_MAX_BLOCKING_THREADS = 512;
        public static final Duration DEFAULT_BLOCKING_KEEP_ALIVE = Duration.ofSeconds(10);
        /** Default of {@link #longPollThreshold(Duration)}. */
        public static final Duration DEFAULT_LONG_POLL_THRESHOLD = Duration.ofMillis(50);
        private static final AtomicInteger EXECUTOR_NUMBER = new AtomicInteger();

        private int workers = Runtime.getRuntime().availableProcessors();
        private String threadNamePrefix;
        private int budget = DEFAULT_BUDGET;
        private int maxBlockingThreads = DEFAULT_MAX_BLOCKING_THREADS;
        private Duration blockingKeepAlive = DEFAULT_BLOCKING_KEEP_ALIVE;
        private Duration longPollThreshold = DEFAULT_LONG_POLL_THRESHOLD;

        Builder() {}

        /** Worker threads of a multiThreaded executor (default: available processors); at least 1. */
        public Builder workers(int workers) {
            if (workers < 1 || workers > 32_767) {
                throw new IllegalArgumentException("workers must be between 1 and 32767, got " + workers);
            }
            this.workers = workers;
            return this;
        }

        /**
         * Prefix of the executor's thread names: {@code prefix-worker-N}, {@code
         * prefix-blocking-N}, {@code prefix-timer} (default {@code ratchet-N}, N counting executors).
         */
        public Builder threadNamePrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.isBlank()) throw new IllegalArgumentException("threadNamePrefix must not be blank");
            this.threadNamePrefix = prefix;
            return this;
        }

        /**
         * Budget units a task may spend per poll before it must yield to the tasks waiting for
         * its worker (default 128); positive.
         */
        public Builder budget(int units) {
            if (units < 1) throw new IllegalArgumentException("budget must be positive, got " + units);
            this.budget = units;
            return this;
        }

        /** Most threads the blocking pool may run at once (default 512); positive. */
        public Builder maxBlockingThreads(int max) {
            if (max < 1) throw new IllegalArgumentException("maxBlockingThreads must be positive, got " + max);
            this.maxBlockingThreads = max;
            return this;
        }

        /** How long an idle blocking thread waits for work before it exits (default 10 s); not negative. */
        public Builder blockingKeepAlive(Duration keepAlive) {
            Objects.requireNonNull(keepAlive, "keepAlive");
            if (keepAlive.isNegative()) {
                throw new IllegalArgumentException("blockingKeepAlive must not be negative, got " + keepAlive);
            }
            this.blockingKeepAlive = keepAlive;
            return this;
        }

        /**
         * A poll that keeps its thread longer than this is reported (default 50 ms): logged through
         * {@code System.Logger} "dev.ratchet.runtime" at WARNING when detected and again when it
         * ends ("task Task#12 \"indexer\" blocked worker ratchet-1-worker-0 for 230 ms in
         * Indexer.index(Indexer.java:42)"), counted in {@link ExecutorMetrics#longPolls()} and
         * recorded as a JFR {@code dev.ratchet.LongPoll} event. A watchdog thread ({@code
         * prefix-watchdog}) finds them by sampling the workers every threshold / 5 (at least 1 ms,
         * at most 1 s), so durations are within one such period; it parks while the executor is
         * idle. On a multiThreaded executor the watchdog also rescues the task that a blocking
         * poll woke (it waits in that worker's LIFO slot, which other workers do not steal from):
         * after one period it moves to a free worker. {@link Duration#ZERO} turns detection and
         * the watchdog off; such a task then waits for the blocking poll to end.
         *
         * <pre>{@code
         * Executor executor = Executor.builder().longPollThreshold(Duration.ofMillis(20)).buildMultiThreaded();
         * }</pre>
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder longPollThreshold(Duration threshold) {
            Objects.requireNonNull(threshold, "threshold");
            if (threshold.isNegative()) {
                throw new IllegalArgumentException("longPollThreshold must not be negative (Duration.ZERO turns "
                        + "detection off), got " + threshold);
            }
            this.longPollThreshold = threshold;
            return this;
        }

        /** A new currentThread executor with these settings ({@link #workers} is ignored). */
        public Executor buildCurrentThread() {
            return new CurrentThreadExecutor(config());
        }

        /** A new multiThreaded executor with these settings; its workers start at once. */
        public Executor buildMultiThreaded() {
            return new MultiThreadExecutor(config());
        }

        private ExecutorConfig config() {
            String prefix = threadNamePrefix != null ? threadNamePrefix : "ratchet-" + EXECUTOR_NUMBER.incrementAndGet();
            long keepAliveNanos;
            try {
                keepAliveNanos = blockingKeepAlive.toNanos();
            } catch (ArithmeticException e) {
                keepAliveNanos = Long.MAX_VALUE;
            }
            return new ExecutorConfig(workers, prefix, budget, maxBlockingThreads, keepAliveNanos, longPollThreshold,
                    DiagnosticLog.systemLogger());
        }
    }
}
