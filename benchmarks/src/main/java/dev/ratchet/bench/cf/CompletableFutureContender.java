package dev.ratchet.bench.cf;

import dev.ratchet.bench.Contender;
import dev.ratchet.bench.Workloads;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * W4/W5 with {@link CompletableFuture}: an incomplete future with one dependent stage per task;
 * sleeps on {@link CompletableFuture#delayedExecutor} feeding a 2-thread pool.
 */
public final class CompletableFutureContender implements Contender {
    private final ForkJoinPool pool = new ForkJoinPool(2);

    @Override
    public Prepared prepare(int n) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] sources = new CompletableFuture[n];
        for (int i = 0; i < n; i++) sources[i] = new CompletableFuture<>();
        return () -> {
            @SuppressWarnings("unchecked")
            CompletableFuture<Integer>[] dependents = new CompletableFuture[n];
            for (int i = 0; i < n; i++) dependents[i] = sources[i].thenApply(v -> v + 1);
            return () -> {
                for (int i = 0; i < n; i++) sources[i].complete(i);
                long sum = 0;
                for (CompletableFuture<Integer> d : dependents) sum += d.join();
                Workloads.expect(sum, (long) n * (n - 1) / 2 + n, "W4 sum of received messages + 1");
            };
        };
    }

    @Override
    public long[] sleepAll(long[] delayNanos) {
        long[] lateness = new long[delayNanos.length];
        CompletableFuture<?>[] sleeps = new CompletableFuture[delayNanos.length];
        for (int i = 0; i < delayNanos.length; i++) {
            int index = i;
            long delay = delayNanos[i];
            long start = System.nanoTime();
            Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS, pool);
            sleeps[i] = CompletableFuture.runAsync(() -> lateness[index] = System.nanoTime() - start - delay, later);
        }
        CompletableFuture.allOf(sleeps).join(); // join gives happens-before: lateness[] is visible
        return lateness;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
