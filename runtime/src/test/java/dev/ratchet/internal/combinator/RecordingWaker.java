package dev.ratchet.internal.combinator;

import dev.ratchet.Waker;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A waker that counts its wakes and lets a test thread wait for one. */
final class RecordingWaker implements Waker {
    private final AtomicInteger wakes = new AtomicInteger();
    private final Semaphore permits = new Semaphore(0);

    @Override
    public void wake() {
        wakes.incrementAndGet();
        permits.release();
    }

    int wakes() {
        return wakes.get();
    }

    /** Waits for a wake not yet consumed; false after {@code millis} without one. */
    boolean awaitWake(long millis) throws InterruptedException {
        return permits.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }
}
