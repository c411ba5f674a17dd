package dev.ratchet.internal.waker;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A waker for hand-polling futures in tests (tokio/tests/sync_mutex.rs style): counts wakes and
 * lets a test thread block until the next one.
 */
public final class TestWaker implements Waker {
    private final AtomicInteger wakes = new AtomicInteger();
    private final Semaphore signals = new Semaphore(0);

    @Override
    public void wake() {
        wakes.incrementAndGet();
        signals.release();
    }

    /** Total wakes so far. */
    public int wakes() {
        return wakes.get();
    }

    /** Whether a wake arrived since the last call (consumes it). */
    public boolean takeWake() {
        return signals.tryAcquire();
    }

    /** Waits up to {@code timeout} for a wake (consumes it); returns whether one came. */
    public boolean awaitWake(Duration timeout) throws InterruptedException {
        return signals.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A fresh unlimited-budget context for this waker. */
    public Context cx() {
        return Context.of(this);
    }

    /** Polls {@code f} on this thread until ready, waiting for wakes in between (fails after 10 s without one). */
    public <T> T blockOn(Future<T> f) throws InterruptedException {
        Context cx = cx();
        while (true) {
            Poll<T> p = f.poll(cx);
            if (p.isReady()) return p.value();
            if (!awaitWake(Duration.ofSeconds(10))) throw new AssertionError("pending future never woke its task: " + f);
        }
    }

    /** Polls {@code f} once with a fresh test waker. */
    public static <T> Poll<T> pollOnce(Future<T> f) {
        return f.poll(new TestWaker().cx());
    }
}
