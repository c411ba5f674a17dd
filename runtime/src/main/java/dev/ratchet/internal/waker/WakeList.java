package dev.ratchet.internal.waker;

import dev.ratchet.Waker;
import java.util.ArrayList;

/**
 * Wakers collected under a lock, to be woken after releasing it: a resource must never call a
 * waker while holding its own lock (the waker may run executor code that polls, and so locks, the
 * same resource).
 *
 * <pre>{@code
 * WakeList toWake = new WakeList();
 * synchronized (lock) { toWake.add(head.waker); }
 * toWake.wakeAll();
 * }</pre>
 */
public final class WakeList {
    private final ArrayList<Waker> wakers = new ArrayList<>(4);

    /** Adds {@code w}; a {@code null} (a waiter never polled) is ignored. */
    public void add(Waker w) {
        if (w != null) wakers.add(w);
    }

    public boolean isEmpty() {
        return wakers.isEmpty();
    }

    /**
     * Wakes every collected waker, then clears the list. A waker that throws breaks Waker's
     * contract; the others are still woken and the first failure is rethrown at the end (later
     * ones suppressed into it), so nothing is swallowed and no wake is skipped.
     */
    public void wakeAll() {
        RuntimeException first = null;
        for (Waker w : wakers) {
            try {
                w.wake();
            } catch (RuntimeException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        wakers.clear();
        if (first != null) throw first;
    }
}
