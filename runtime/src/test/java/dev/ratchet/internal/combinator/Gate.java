package dev.ratchet.internal.combinator;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A controllable test future: pending until a test {@linkplain #complete completes} or {@linkplain
 * #fail fails} it (from any thread; the latest waker is woken). On {@link #cancel()} it runs a
 * "cleanup" that takes {@link #cleanupPolls} extra polls (each yields: wakes and returns pending),
 * then throws {@link #cleanupThrows} or {@link CancellationException}. Records everything.
 */
final class Gate<T> implements Future<T> {
    private final String name;
    private final AtomicReference<Waker> waker = new AtomicReference<>();
    private volatile boolean completed;
    private volatile T value;
    private volatile Throwable failure;
    private volatile boolean cancelled;
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger pollsAfterEnd = new AtomicInteger();
    private boolean ended;
    private int cleanupLeft;
    private boolean cleanedUp;
    /** Extra polls the cleanup needs after cancel(). */
    int cleanupPolls;
    /** Thrown at the end of the cleanup instead of CancellationException, if set. */
    RuntimeException cleanupThrows;
    /** Whether cancel() is ignored (the future keeps waiting for its value). */
    boolean ignoresCancel;

    Gate(String name) {
        this.name = name;
    }

    static <T> Gate<T> ready(String name, T value) {
        Gate<T> g = new Gate<>(name);
        g.complete(value);
        return g;
    }

    void complete(T v) {
        value = v;
        completed = true; // publish the value before the wake
        wakeLatest();
    }

    void fail(Throwable t) {
        failure = t;
        wakeLatest();
    }

    private void wakeLatest() {
        Waker w = waker.get();
        if (w != null) w.wake();
    }

    @Override
    public Poll<T> poll(Context cx) {
        polls.incrementAndGet();
        if (ended) {
            pollsAfterEnd.incrementAndGet();
            throw new IllegalStateException(name + " polled after it ended");
        }
        waker.set(cx.waker());
        if (cancelled && !ignoresCancel) {
            if (cleanupLeft-- > 0) {
                cx.waker().wake();
                return Poll.pending();
            }
            ended = true;
            cleanedUp = true;
            if (cleanupThrows != null) throw cleanupThrows;
            throw new CancellationException(name + " cancelled");
        }
        Throwable f = failure;
        if (f != null) {
            ended = true;
            throw Rethrow.unchecked(f);
        }
        if (completed) {
            ended = true;
            return Poll.ready(value);
        }
        return Poll.pending();
    }

    @Override
    public void cancel() {
        if (!cancelled) cleanupLeft = cleanupPolls;
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Whether the cleanup ran to its end (the future completed after cancel()). */
    boolean cleanedUp() {
        return cleanedUp;
    }

    boolean ended() {
        return ended;
    }

    int polls() {
        return polls.get();
    }

    int pollsAfterEnd() {
        return pollsAfterEnd.get();
    }

    @Override
    public String toString() {
        return name;
    }
}
