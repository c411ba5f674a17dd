package dev.ratchet.bench.cf;

import static dev.ratchet.bench.Workloads.*;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * W1–W3 with {@link CompletableFuture} on a 2-thread {@link ForkJoinPool}: a "yield" or a hand-off
 * between tasks is an {@code *Async} stage on the pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CompletableFutureBench {
    private ForkJoinPool pool;

    @Setup
    public void start() {
        pool = new ForkJoinPool(2);
    }

    @TearDown
    public void stop() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) throw new IllegalStateException("pool did not stop");
    }

    /** W1: a parent task starts 100 000 tasks, each re-scheduled twice (two async stages), and sums them. */
    @Benchmark
    @OperationsPerInvocation(SPAWN_TASKS)
    public long w1Spawn() {
        long sum = CompletableFuture.supplyAsync(() -> {
            @SuppressWarnings("unchecked")
            CompletableFuture<Integer>[] children = new CompletableFuture[SPAWN_TASKS];
            for (int i = 0; i < SPAWN_TASKS; i++) {
                int index = i;
                CompletableFuture<Integer> task = CompletableFuture.supplyAsync(() -> index, pool);
                for (int y = 0; y < SPAWN_YIELDS; y++) task = task.thenApplyAsync(Function.identity(), pool);
                children[i] = task;
            }
            return CompletableFuture.allOf(children).thenApply(done -> {
                long total = 0;
                for (CompletableFuture<Integer> child : children) total += child.join();
                return total;
            });
        }, pool).thenCompose(Function.identity()).join();
        expectSpawnSum(sum);
        return sum;
    }

    /** W2: each round trip is two asynchronous hand-offs on the pool (to "pong" and back to "ping"). */
    @Benchmark
    @OperationsPerInvocation(PING_PONG_ROUND_TRIPS)
    public long w2PingPong() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        ping(0, 0, done);
        long counter = done.join();
        expectPingPong(counter);
        return counter;
    }

    private void ping(int trip, long counter, CompletableFuture<Long> done) {
        if (trip == PING_PONG_ROUND_TRIPS) {
            done.complete(counter);
            return;
        }
        CompletableFuture.supplyAsync(() -> counter + 1, pool)     // ping sends
                .thenApplyAsync(c -> c + 1, pool)                   // pong answers
                .thenAcceptAsync(c -> ping(trip + 1, c, done), pool) // ping receives
                .exceptionally(e -> {
                    done.completeExceptionally(e);
                    return null;
                });
    }

    private static final CompletableFuture<Long> ONE = CompletableFuture.completedFuture(1L);

    /** W3: a recursive function returning a CompletableFuture; every level composes on the one below. */
    @Benchmark
    @OperationsPerInvocation(CHAIN_AWAITS)
    public long w3Chain() {
        long total = 0;
        for (int r = 0; r < CHAIN_REPETITIONS; r++) total += chain(CHAIN_DEPTH).join();
        expectChainTotal(total);
        return total;
    }

    private static CompletableFuture<Long> chain(int depth) {
        return depth == 1 ? ONE.thenApply(Function.identity()) : chain(depth - 1).thenApply(v -> v + 1);
    }
}
