package dev.ratchet.internal.scheduler.multithread;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which workers are parked and how many are searching for work (Tokio's {@code
 * multi_thread/idle.rs}), so that new work wakes at most one worker and only when nobody is
 * already looking: no thundering herd.
 *
 * <p>{@link #state} packs {@code unparked << 16 | searching}. A worker is "searching" from the
 * moment it runs out of local work (or is woken) until it finds a task or parks. At most half
 * of the workers search at once.
 *
 * <h2>No lost wake-up</h2>
 * A producer publishes its task (queue write), issues a full fence, then reads {@link #state} in
 * {@link #workerToNotify()}. A worker that parks updates {@link #state} with an atomic RMW and,
 * if it was the last searcher, then re-reads every queue ({@code notifyIfWorkPending}). By the
 * fences, either the producer sees no searcher and wakes a parked worker, or the last searcher
 * sees the task. Workers that are running (unparked, not searching) look at the queues again
 * before parking, so they need no notification.
 */
final class Idle {
    private static final int UNPARKED_SHIFT = 16;
    private static final int SEARCHING_MASK = (1 << UNPARKED_SHIFT) - 1;

    private final int numWorkers;
    /** Packed (unparked, searching). Updated with atomic RMWs; see the class documentation. */
    private final AtomicInteger state;
    /** Parked worker ids, a stack; guarded by this. */
    private final int[] sleepers;
    /** Guarded by this. */
    private int numSleepers;

    Idle(int numWorkers) {
        if (numWorkers <= 0 || numWorkers > SEARCHING_MASK / 2) {
            throw new IllegalArgumentException("workers must be in [1, " + SEARCHING_MASK / 2 + "], got " + numWorkers);
        }
        this.numWorkers = numWorkers;
        this.state = new AtomicInteger(numWorkers << UNPARKED_SHIFT);
        this.sleepers = new int[numWorkers];
    }

    private static int searching(int s) {
        return s & SEARCHING_MASK;
    }

    private static int unparked(int s) {
        return s >>> UNPARKED_SHIFT;
    }

    private boolean shouldWakeOne() {
        int s = state.get();
        return searching(s) == 0 && unparked(s) < numWorkers;
    }

    /**
     * For a producer that just queued work (after a full fence): the id of a parked worker to
     * unpark — already counted as unparked and searching — or -1 if none should be woken.
     */
    int workerToNotify() {
        if (!shouldWakeOne()) return -1; // fast path: someone is searching, or nobody sleeps
        synchronized (this) {
            if (!shouldWakeOne() || numSleepers == 0) return -1;
            state.addAndGet((1 << UNPARKED_SHIFT) | 1);
            return sleepers[--numSleepers];
        }
    }

    /**
     * A worker with nothing to do is about to park.
     *
     * @return true if it was the last searching worker: it must then check every queue once
     *     more and wake a worker if any holds work (see the class documentation)
     */
    boolean transitionWorkerToParked(int worker, boolean isSearching) {
        synchronized (this) {
            int prev = state.getAndAdd(-((1 << UNPARKED_SHIFT) | (isSearching ? 1 : 0)));
            sleepers[numSleepers++] = worker;
            return isSearching && searching(prev) == 1;
        }
    }

    /** A worker out of local work wants to search; false if half the workers already do. */
    boolean transitionWorkerToSearching() {
        int s = state.get();
        if (2 * searching(s) >= numWorkers) return false;
        // Racy limit, as in Tokio: a few extra searchers are harmless.
        state.incrementAndGet();
        return true;
    }

    /**
     * A searching worker found work.
     *
     * @return true if it was the last searcher: it must wake another worker to keep looking
     */
    boolean transitionWorkerFromSearching() {
        return searching(state.getAndDecrement()) == 1;
    }

    /** Whether {@code worker} is still parked (not yet picked by {@link #workerToNotify()}). */
    synchronized boolean isParked(int worker) {
        for (int i = 0; i < numSleepers; i++) {
            if (sleepers[i] == worker) return true;
        }
        return false;
    }

    /** Number of searching workers (diagnostics and tests). */
    int searchingCount() {
        return searching(state.get());
    }
}
