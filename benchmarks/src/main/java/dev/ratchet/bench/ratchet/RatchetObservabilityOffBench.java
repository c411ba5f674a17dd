package dev.ratchet.bench.ratchet;

import static dev.ratchet.bench.Workloads.*;

import dev.ratchet.runtime.Executor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * W1 and W3 of {@link RatchetBench} on an executor built with {@code
 * longPollThreshold(Duration.ZERO)}: no watchdog thread and no long-poll detection. What stays
 * (it is not switchable) costs the same in both: the per-worker counters, the last-poll stamps
 * (here the workers refresh the clock themselves every 61 polls) and the disabled JFR checks.
 * {@code ResultsReport} sets these figures against {@link RatchetBench}'s (observability on) to
 * give the overhead of the watchdog and its sampling; the budget for all of
 * observability is 5%.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RatchetObservabilityOffBench {
    private Executor executor;

    @Setup
    public void start() {
        executor = Executor.builder().longPollThreshold(Duration.ZERO).buildMultiThreaded();
    }

    @TearDown
    public void stop() {
        executor.close();
    }

    /** W1 without the watchdog. */
    @Benchmark
    @OperationsPerInvocation(SPAWN_TASKS)
    public long w1Spawn() {
        return RatchetBench.w1Spawn(executor);
    }

    /** W3 without the watchdog. */
    @Benchmark
    @OperationsPerInvocation(CHAIN_AWAITS)
    public long w3Chain() {
        return RatchetBench.w3Chain(executor);
    }
}
