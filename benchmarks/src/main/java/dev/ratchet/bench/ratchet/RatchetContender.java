package dev.ratchet.bench.ratchet;

import dev.ratchet.Futures;
import dev.ratchet.bench.Contender;
import dev.ratchet.bench.Workloads;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.sync.Channel;
import java.util.Arrays;
import java.util.List;

/**
 * W4/W5 on Ratchet's {@code Executor.multiThreaded()}: tasks suspended in {@code recv()} on their
 * own bounded(1) channel (the channel is single-consumer, so tasks cannot share one); sleeps on
 * the executor's timing wheel.
 */
public final class RatchetContender implements Contender {
    private final Executor executor = Executor.multiThreaded();

    @Override
    public Prepared prepare(int n) {
        @SuppressWarnings("unchecked")
        Channel<Integer>[] channels = new Channel[n];
        for (int i = 0; i < n; i++) channels[i] = Channel.bounded(1);
        return () -> suspend(channels);
    }

    private Suspension suspend(Channel<Integer>[] channels) throws InterruptedException {
        int n = channels.length;
        RecvOnce.SUSPENDED.set(0);
        @SuppressWarnings("unchecked")
        JoinHandle<Long>[] tasks = new JoinHandle[n];
        for (int i = 0; i < n; i++) tasks[i] = executor.spawn(new RecvOnce(channels[i].receiver()));
        while (RecvOnce.SUSPENDED.get() < n) Thread.sleep(10); // a probe, not a test: poll until all are parked
        return () -> {
            for (int i = 0; i < n; i++) {
                if (!channels[i].sender().trySend(i)) throw new IllegalStateException("W4 channel " + i + " full");
            }
            List<Long> received = executor.blockOn(Futures.joinAll(Arrays.asList(tasks)));
            long sum = 0;
            for (long r : received) sum += r;
            Workloads.expect(sum, (long) n * (n - 1) / 2 + n, "W4 sum of received messages + 1");
        };
    }

    @Override
    public long[] sleepAll(long[] delayNanos) {
        long[] lateness = new long[delayNanos.length];
        @SuppressWarnings("unchecked")
        JoinHandle<Void>[] sleeps = new JoinHandle[delayNanos.length];
        for (int i = 0; i < delayNanos.length; i++) {
            sleeps[i] = executor.spawn(new SleepAndRecord(delayNanos[i], lateness, i));
        }
        // Awaiting the handles orders each task's write to lateness[] before our read.
        executor.blockOn(Futures.joinAll(Arrays.asList(sleeps)));
        return lateness;
    }

    @Override
    public void close() {
        executor.close();
    }
}
