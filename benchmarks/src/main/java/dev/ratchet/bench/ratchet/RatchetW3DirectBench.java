package dev.ratchet.bench.ratchet;

import static dev.ratchet.bench.Workloads.*;

import dev.ratchet.Context;
import dev.ratchet.Waker;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * W3's state machines polled directly on the benchmark thread, without an executor: the cost of
 * the machines alone, hand-written ({@link Chains}) against generated ({@code AsyncChainsAsync}),
 * free of the scheduler's wake-ups and of the other worker (on a shared machine the executor runs
 * of {@link RatchetBench#w3Chain()} and {@link RatchetAsyncBench} vary by 10–20% from run to run;
 * these by a few percent). Diagnostic only: issue #3's target is stated on the executor runs.
 *
 * <pre>{@code
 * java -jar benchmarks/target/ratchet-benchmarks.jar -f 2 -wi 3 -i 5 -r 1s 'RatchetW3DirectBench|CompletableFutureBench.w3'
 * }</pre>
 *
 * <p>The context has an unlimited budget, so neither machine ever yields.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RatchetW3DirectBench {
    private final Context cx = Context.of(Waker.noop());

    /** The hand-written machines: 10 000 chains of depth 50, each level awaiting the one below. */
    @Benchmark
    @OperationsPerInvocation(CHAIN_AWAITS)
    public long handWritten() {
        long total = new Chains(CHAIN_REPETITIONS, CHAIN_DEPTH).poll(cx).value();
        expectChainTotal(total);
        return total;
    }

    /** The same, with the machines that the processor generates from {@link AsyncChains}. */
    @Benchmark
    @OperationsPerInvocation(CHAIN_AWAITS)
    public long generated() {
        long total = AsyncChainsAsync.chains(CHAIN_REPETITIONS, CHAIN_DEPTH).poll(cx).value();
        expectChainTotal(total);
        return total;
    }
}
