package dev.ratchet.processor.harness;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal executor for tests: polls one future until it is ready, sleeping between polls until
 * its waker is woken. A pending poll with no wake arriving within a few seconds is a lost wakeup:
 * the test fails.
 */
public final class Driver implements Waker {
    /** Budget per poll: small, so loops over ready futures must yield. */
    public static final int BUDGET = 5;

    private final Semaphore wakes = new Semaphore(0);
    private final AtomicInteger wakeCount = new AtomicInteger();
    private int polls;

    @Override
    public void wake() {
        wakeCount.incrementAndGet();
        wakes.release();
    }

    public int polls() {
        return polls;
    }

    /** Drives {@code f} to completion; its exception is rethrown unchanged. */
    public <T> T run(Future<T> f) {
        Context cx = Context.withBudget(this, BUDGET);
        for (;;) {
            cx.refillBudget(BUDGET);
            polls++;
            Poll<T> p = f.poll(cx);
            if (p.isReady()) return p.value();
            try {
                if (!wakes.tryAcquire(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("future returned pending and nobody woke it (lost wakeup) after " + polls + " polls");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
