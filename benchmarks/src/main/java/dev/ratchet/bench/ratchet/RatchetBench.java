package dev.ratchet.bench.ratchet;

import static dev.ratchet.bench.Workloads.*;

import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.sync.Channel;
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
 * W1–W3 on Ratchet's {@code Executor.multiThreaded()} (one worker per core), with its defaults:
 * observability on (long-poll watchdog at 50 ms, last-poll stamps, per-worker counters, JFR
 * checks). {@link RatchetObservabilityOffBench} runs W1 and W3 without the watchdog. Each workload is a
 * spawned task (so it runs on the workers, like the peers' parents), awaited with {@code blockOn};
 * its state machines are hand-written in the shape the processor generates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RatchetBench {
    private Executor executor;

    @Setup
    public void start() {
        executor = Executor.multiThreaded();
    }

    @TearDown
    public void stop() {
        executor.close();
    }

    /** W1: a parent task spawns 100 000 tasks that yield twice, then awaits each and sums. */
    @Benchmark
    @OperationsPerInvocation(SPAWN_TASKS)
    public long w1Spawn() {
        return w1Spawn(executor);
    }

    /** W1's body, shared with {@link RatchetObservabilityOffBench}. */
    static long w1Spawn(Executor executor) {
        long sum = executor.blockOn(executor.spawn(new SpawnAndSum(SPAWN_TASKS)));
        expectSpawnSum(sum);
        return sum;
    }

    /** W2: two tasks pass a counter through two channels of capacity 1, 100 000 round trips. */
    @Benchmark
    @OperationsPerInvocation(PING_PONG_ROUND_TRIPS)
    public long w2PingPong() {
        Channel<Long> toPong = Channel.bounded(1);
        Channel<Long> toPing = Channel.bounded(1);
        JoinHandle<Void> pong = executor.spawn(new Pong(toPong.receiver(), toPing.sender(), PING_PONG_ROUND_TRIPS));
        JoinHandle<Long> ping = executor.spawn(new Ping(toPong.sender(), toPing.receiver(), PING_PONG_ROUND_TRIPS));
        long counter = executor.blockOn(ping);
        executor.blockOn(pong);
        expectPingPong(counter);
        return counter;
    }

    /** W3: 10 000 times, await a recursive async chain of depth 50 whose bottom awaits a ready future. */
    @Benchmark
    @OperationsPerInvocation(CHAIN_AWAITS)
    public long w3Chain() {
        return w3Chain(executor);
    }

    /** W3's body, shared with {@link RatchetObservabilityOffBench}. */
    static long w3Chain(Executor executor) {
        long total = executor.blockOn(executor.spawn(new Chains(CHAIN_REPETITIONS, CHAIN_DEPTH)));
        expectChainTotal(total);
        return total;
    }
}
