package dev.ratchet.internal.io;

import dev.ratchet.Waker;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A waker the {@link Reactor} wakes once {@link System#nanoTime()} reaches a deadline: how a
 * connect timeout gets polled when nothing else happens. Made by {@link Reactor#wakeAt}.
 *
 * <p>This is deliberately small (a binary heap on the reactor thread, lazy removal of cancelled
 * entries): it serves the few deadlines of I/O operations, not general timers, which belong on
 * the executor's timing wheel.
 */
public final class ScheduledWake implements Comparable<ScheduledWake> {
    final long deadlineNanos;
    private final long sequence; // FIFO among equal deadlines
    private final Waker waker;
    /** Set once, by whichever of fire and cancel comes first (the CAS decides). */
    private final AtomicBoolean finished = new AtomicBoolean();

    ScheduledWake(long deadlineNanos, long sequence, Waker waker) {
        this.deadlineNanos = deadlineNanos;
        this.sequence = sequence;
        this.waker = waker;
    }

    /**
     * Cancels the wake if it has not happened; returns whether it did. A cancelled entry stays in
     * the reactor's heap (lazily removed when its deadline passes) but never wakes.
     */
    public boolean cancel() {
        return finished.compareAndSet(false, true);
    }

    /** Reactor thread: the deadline passed; returns the waker to wake, or null if cancelled. */
    Waker fire() {
        return finished.compareAndSet(false, true) ? waker : null;
    }

    @Override
    public int compareTo(ScheduledWake o) {
        int c = Long.compare(deadlineNanos - o.deadlineNanos, 0); // overflow-safe nanoTime order
        return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
}
