package dev.ratchet.internal.scheduler;

import dev.ratchet.internal.diag.DiagnosticLog;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one executor, validated by {@code Executor.Builder}.
 *
 * @param workers worker threads (multiThreaded only)
 * @param threadNamePrefix prefix of every thread name of the executor
 * @param budget cooperative budget refilled at each poll
 * @param maxBlockingThreads most threads of the blocking pool
 * @param blockingKeepAliveNanos idle time after which a blocking thread exits
 * @param longPollThreshold polls longer than this are reported; {@link Duration#ZERO}: no
 *     detection and no watchdog thread
 * @param diagnosticLog where long-poll warnings go (tests replace the System.Logger one)
 */
public record ExecutorConfig(
        int workers,
        String threadNamePrefix,
        int budget,
        int maxBlockingThreads,
        long blockingKeepAliveNanos,
        Duration longPollThreshold,
        DiagnosticLog diagnosticLog) {
    public ExecutorConfig {
        Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
        Objects.requireNonNull(longPollThreshold, "longPollThreshold");
        Objects.requireNonNull(diagnosticLog, "diagnosticLog");
        if (longPollThreshold.isNegative()) {
            throw new IllegalArgumentException("longPollThreshold must not be negative, got " + longPollThreshold);
        }
    }

    /** Whether long-poll detection (and so the watchdog thread) is on. */
    public boolean detectsLongPolls() {
        return !longPollThreshold.isZero();
    }
}
