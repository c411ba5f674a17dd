package dev.ratchet.internal.scheduler;

/**
 * The settings of one executor, validated by {@code Executor.Builder}.
 *
 * @param workers worker threads (multiThreaded only)
 * @param threadNamePrefix prefix of every thread name of the executor
 * @param budget cooperative budget refilled at each poll
 * @param maxBlockingThreads most threads of the blocking pool
 * @param blockingKeepAliveNanos idle time after which a blocking thread exits
 */
public record ExecutorConfig(
        int workers, String threadNamePrefix, int budget, int maxBlockingThreads, long blockingKeepAliveNanos) {}
