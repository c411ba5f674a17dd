package dev.ratchet.bench.vthreads;

import dev.ratchet.bench.Contender;
import dev.ratchet.bench.Workloads;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** W4/W5 on virtual threads: threads parked in {@code take()} on one queue; {@code Thread.sleep}. */
public final class VirtualThreadContender implements Contender {
    @Override
    public Prepared prepare(int n) {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        return () -> suspend(n, queue);
    }

    private static Suspension suspend(int n, LinkedBlockingQueue<Integer> queue) throws InterruptedException {
        Thread[] threads = new Thread[n];
        long[] received = new long[n];
        AtomicInteger started = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            int index = i;
            threads[i] = Thread.ofVirtual().start(() -> {
                started.incrementAndGet();
                try {
                    received[index] = queue.take() + 1;
                } catch (InterruptedException e) {
                    throw new IllegalStateException("W4 virtual thread interrupted", e);
                }
            });
        }
        awaitAllParked(threads, started);
        return () -> {
            for (int i = 0; i < n; i++) queue.put(i);
            long sum = 0;
            for (int i = 0; i < n; i++) {
                threads[i].join();
                sum += received[i];
            }
            Workloads.expect(sum, (long) n * (n - 1) / 2 + n, "W4 sum of received messages + 1");
        };
    }

    /** Polls (this is a probe, not a test) until every thread has started and is WAITING in take(). */
    private static void awaitAllParked(Thread[] threads, AtomicInteger started) throws InterruptedException {
        while (started.get() < threads.length) Thread.sleep(10);
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING) Thread.sleep(1);
        }
    }

    @Override
    public long[] sleepAll(long[] delayNanos) throws InterruptedException {
        long[] lateness = new long[delayNanos.length];
        Thread[] threads = new Thread[delayNanos.length];
        for (int i = 0; i < delayNanos.length; i++) {
            int index = i;
            long delay = delayNanos[i];
            threads[i] = Thread.ofVirtual().start(() -> {
                long start = System.nanoTime();
                try {
                    Thread.sleep(Duration.ofNanos(delay));
                } catch (InterruptedException e) {
                    throw new IllegalStateException("W5 sleep interrupted", e);
                }
                lateness[index] = System.nanoTime() - start - delay;
            });
        }
        for (Thread t : threads) t.join(); // join gives happens-before: lateness[] is visible
        return lateness;
    }

    @Override
    public void close() {}
}
