package dev.ratchet.internal.time;

import dev.ratchet.Waker;

/** PLACEHOLDER (foundation skeleton): the timing wheel and its driver thread. */
public final class TimerDriver implements AutoCloseable {
    public TimerDriver(String threadName) {}

    /** A process-wide driver for timers polled outside any executor. */
    public static TimerDriver global() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Wakes {@code waker} once {@link System#nanoTime()} reaches {@code deadlineNanos}. */
    public TimerEntry schedule(long deadlineNanos, Waker waker) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void close() {}

    /** A scheduled timer. */
    public interface TimerEntry {
        /** Removes the entry if it has not fired; returns whether it was removed. */
        boolean cancel();
    }
}
