package dev.ratchet.internal.io;

import dev.ratchet.Waker;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the waker of the one future waiting on one side of a channel: Tokio's {@code
 * AtomicWaker}, which in Java (with a garbage collector and wakers that need no cloning) is one
 * {@link AtomicReference}.
 *
 * <p>Protocol with {@link ReactorHandle}: a future {@linkplain #register stores} its waker
 * <em>before</em> it sets its interest bit, and the reactor clears the bit <em>before</em> it
 * {@linkplain #take takes} the waker. Both are volatile accesses, so whichever bit update comes
 * second in the synchronization order also sees the other side's waker access: either the
 * reactor's take sees the stored waker, or the future's bit survives the clear and the next
 * select fires again. No wake is lost; at worst one is spurious.
 *
 * <p>A second future registering on the same side replaces the first (the first is then never
 * woken by the reactor): one waiting reader and one waiting writer per channel, as in Tokio.
 */
final class WakerCell {
    private final AtomicReference<Waker> waker = new AtomicReference<>();

    /** Stores {@code w}, replacing any previous waker. */
    void register(Waker w) {
        waker.set(w);
    }

    /** Removes and returns the stored waker, or {@code null}; the caller wakes it outside locks. */
    Waker take() {
        return waker.getAndSet(null);
    }

    /** Removes the stored waker if it is still {@code expected}; returns whether it did. */
    boolean clear(Waker expected) {
        return waker.compareAndSet(expected, null);
    }

    /** Whether no waker is stored (for tests and diagnostics). */
    boolean isEmpty() {
        return waker.get() == null;
    }
}
