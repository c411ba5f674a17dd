package dev.ratchet.bench.vthreads;

import static dev.ratchet.bench.Workloads.*;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * W1–W3 on virtual threads (JDK 21+ default scheduler: one carrier per core). The code is what a
 * Java user writes with virtual threads: blocking calls, {@code Thread.yield()}, a plain recursive
 * method.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VirtualThreadBench {
    private ExecutorService threads;

    @Setup
    public void start() {
        threads = Executors.newVirtualThreadPerTaskExecutor();
    }

    @TearDown
    public void stop() {
        threads.close();
    }

    /** W1: a parent virtual thread starts 100 000 virtual threads that yield twice, then joins and sums. */
    @Benchmark
    @OperationsPerInvocation(SPAWN_TASKS)
    public long w1Spawn() throws Exception {
        long sum = threads.submit(() -> {
            @SuppressWarnings("unchecked")
            Future<Integer>[] children = new Future[SPAWN_TASKS];
            for (int i = 0; i < SPAWN_TASKS; i++) {
                int index = i;
                children[i] = threads.submit(() -> {
                    for (int y = 0; y < SPAWN_YIELDS; y++) Thread.yield();
                    return index;
                });
            }
            long total = 0;
            for (Future<Integer> child : children) total += child.get();
            return total;
        }).get();
        expectSpawnSum(sum);
        return sum;
    }

    /** W2: two virtual threads pass a counter through two ArrayBlockingQueue(1), 100 000 round trips. */
    @Benchmark
    @OperationsPerInvocation(PING_PONG_ROUND_TRIPS)
    public long w2PingPong() throws Exception {
        ArrayBlockingQueue<Long> toPong = new ArrayBlockingQueue<>(1);
        ArrayBlockingQueue<Long> toPing = new ArrayBlockingQueue<>(1);
        Future<?> pong = threads.submit(() -> {
            for (int i = 0; i < PING_PONG_ROUND_TRIPS; i++) toPing.put(toPong.take() + 1);
            return null;
        });
        long counter = threads.submit(() -> {
            long c = 0;
            for (int i = 0; i < PING_PONG_ROUND_TRIPS; i++) {
                toPong.put(c + 1);
                c = toPing.take();
            }
            return c;
        }).get();
        pong.get();
        expectPingPong(counter);
        return counter;
    }

    private static final CompletableFuture<Long> ONE = CompletableFuture.completedFuture(1L);

    /** W3 on a virtual thread: the "async" function is a plain recursive call; the bottom joins a completed future. */
    @Benchmark
    @OperationsPerInvocation(CHAIN_AWAITS)
    public long w3Chain() throws Exception {
        long total = threads.submit(() -> {
            long t = 0;
            for (int r = 0; r < CHAIN_REPETITIONS; r++) t += chain(CHAIN_DEPTH);
            return t;
        }).get();
        expectChainTotal(total);
        return total;
    }

    private static long chain(int depth) {
        return depth == 1 ? ONE.join() : chain(depth - 1) + 1;
    }
}
