package dev.ratchet.bench.ratchet;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import java.time.Duration;

/**
 * W5's task, hand-written in the shape of the processor's output for:
 *
 * <pre>{@code
 * @Async static void sleepAndRecord(long delayNanos, long[] lateness, int index) {
 *     long start = System.nanoTime();
 *     await(Futures.sleep(Duration.ofNanos(delayNanos)));
 *     lateness[index] = System.nanoTime() - start - delayNanos;
 * }
 * }</pre>
 */
final class SleepAndRecord implements Future<Void> {
    private final long delayNanos;
    private final long[] lateness;
    private final int index;
    private long start;
    private Future<Void> sleep;

    SleepAndRecord(long delayNanos, long[] lateness, int index) {
        this.delayNanos = delayNanos;
        this.lateness = lateness;
        this.index = index;
    }

    @Override
    public Poll<Void> poll(Context cx) {
        if (sleep == null) {
            start = System.nanoTime(); // just before the sleep starts, as for the other contenders
            sleep = Futures.sleep(Duration.ofNanos(delayNanos));
        }
        if (Await.mustYield(cx)) return Poll.pending();
        if (sleep.poll(cx).isPending()) return Poll.pending();
        sleep = null;
        lateness[index] = System.nanoTime() - start - delayNanos;
        return Poll.ready(null);
    }
}
