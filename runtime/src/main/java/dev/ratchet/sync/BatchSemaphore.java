package dev.ratchet.sync;

import dev.ratchet.Waker;
import dev.ratchet.internal.lock.SpinLock;
import dev.ratchet.internal.waker.WaitQueue;
import dev.ratchet.internal.waker.WakeList;

/**
 * The fair permit pool behind {@link Semaphore}, {@link Mutex} and bounded {@link Channel}s, after
 * Tokio's {@code batch_semaphore}: one FIFO queue of waiters, each wanting some number of
 * permits.
 *
 * <h2>Invariants (all under {@link #lock})</h2>
 * <ul>
 *   <li>Strict FIFO, no barging: permits go to the head waiter only. While anyone waits, {@link
 *       #permits} is 0 or the queue's head is being served; new acquirers (including {@code
 *       tryAcquire}) never take permits ahead of a queued waiter. So a large request at the head
 *       holds back later small ones.
 *   <li>The head may hold a partial assignment ({@code wanted - remaining} permits); those come
 *       back to the pool (and flow on to the next waiters) if it is cancelled.
 *   <li>Every permit is in exactly one place: the pool, a waiter's partial or full assignment, or
 *       the caller that acquired it. Cancellation of a waiter that was already granted its
 *       permits but has not seen them yet returns them (a hand-off is never lost).
 *   <li>Wakers are collected under the lock and woken after releasing it.
 * </ul>
 * Memory ordering: everything goes through {@link #lock}; a release and the
 * acquire that observes its permits are ordered by it, which is what makes a {@link Mutex}'s
 * value written by one holder visible to the next.
 *
 * <p>Task dumps read {@link #permitsRacy()}, {@link #waitersRacy()} and {@link
 * Acquire#describeRacy()} from another thread without the lock (a dump must never wait on a
 * primitive it inspects): stale or inconsistent figures, never an exception or a wait.
 */
final class BatchSemaphore {
    /** The most permits a semaphore can hold. */
    static final int MAX_PERMITS = Integer.MAX_VALUE;

    /** The lock guarding everything here; its own, or its owner's (see the constructors). */
    private final SpinLock lock;
    /** Permits in the pool; guarded by {@link #lock}. */
    private long permits;
    /** Once closed, queued and new acquirers get {@link Status#CLOSED}; guarded by {@link #lock}. */
    private boolean closed;
    private final WaitQueue<Acquire> waiters = new WaitQueue<>();

    BatchSemaphore(int permits) {
        this(permits, new SpinLock());
    }

    /**
     * A pool guarded by {@code lock}, the lock of the structure that owns it. A bounded {@link
     * Channel} passes its own lock: a send takes a permit, and a receive gives one back, while
     * holding the channel's lock anyway, and re-entering a lock the thread already holds costs no
     * atomic instruction where taking a second one costs one — half the locking of every message.
     */
    BatchSemaphore(int permits, SpinLock lock) {
        if (permits < 0) throw new IllegalArgumentException("permits must be >= 0, got " + permits);
        this.permits = permits;
        this.lock = java.util.Objects.requireNonNull(lock, "lock");
    }

    /** What {@link Acquire#poll(Waker)} found. */
    enum Status { ACQUIRED, PENDING, CLOSED }

    int availablePermits() {
        lock.lock();
        try {
            return (int) permits;
        } finally {
            lock.unlock();
        }
    }

    /** Takes {@code n} permits now if they are free and nobody is queued (no barging). */
    boolean tryAcquire(int n) {
        lock.lock();
        try {
            if (closed || !waiters.isEmpty() || permits < n) return false;
            permits -= n;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns {@code n} permits to the pool, serving queued waiters in order.
     *
     * @throws IllegalStateException if the pool would exceed {@link #MAX_PERMITS}
     */
    void release(int n) {
        WakeList toWake = new WakeList();
        release(n, toWake);
        toWake.wakeAll();
    }

    /**
     * Like {@link #release(int)}, but leaves the served waiters' wakers in {@code toWake} for the
     * caller to wake once it has released its own lock (a caller may hold a lock around this).
     */
    void release(int n, WakeList toWake) {
        lock.lock();
        try {
            if (permits + n > MAX_PERMITS) {
                throw new IllegalStateException("releasing " + n + " permits would exceed the maximum of " + MAX_PERMITS);
            }
            permits += n;
            assignLocked(toWake);
        } finally {
            lock.unlock();
        }
    }

    /** Fails every queued and future acquire with {@link Status#CLOSED}; permits held stay valid. */
    void close() {
        WakeList toWake = new WakeList();
        lock.lock();
        try {
            closed = true;
            for (Acquire a; (a = waiters.poll()) != null; ) {
                permits += a.wanted - a.remaining; // give back any partial assignment
                a.state = Acquire.CLOSED;
                toWake.add(a.waker);
                a.waker = null;
            }
        } finally {
            lock.unlock();
        }
        toWake.wakeAll();
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Permits in the pool, without the lock: for task dumps only (see the class notes). A long
     * read without synchronization may even tear on a 32-bit JVM (JLS 17.7): a wrong figure in a
     * dump, nothing worse.
     */
    long permitsRacy() {
        return permits;
    }

    /** Queued acquirers, without the lock: for task dumps only (see the class notes). */
    int waitersRacy() {
        return waiters.size();
    }

    /** Under the lock: hands pool permits to the head waiter(s), FIFO, collecting the served ones' wakers. */
    private void assignLocked(WakeList toWake) {
        Acquire head;
        while (permits > 0 && (head = waiters.peek()) != null) {
            int take = (int) Math.min(permits, head.remaining);
            head.remaining -= take;
            permits -= take;
            if (head.remaining > 0) return; // the head still waits: nobody behind it may take any
            waiters.poll();
            head.state = Acquire.GRANTED; // linearization point of the hand-off
            toWake.add(head.waker);
            head.waker = null;
        }
    }

    /** A new request for {@code n} permits (1 to MAX_PERMITS); nothing happens until polled. */
    Acquire newAcquire(int n) {
        return new Acquire(n);
    }

    /**
     * One acquisition: polled by one task, cancelled by its owner. State transitions (under the
     * semaphore's lock): NEW -> TAKEN (free permits at first poll) | QUEUED | CLOSED | CANCELLED;
     * QUEUED -> GRANTED (served by a release) | CLOSED | CANCELLED; GRANTED -> TAKEN (seen by poll)
     * | CANCELLED (permits returned).
     */
    final class Acquire extends WaitQueue.Node {
        static final int NEW = 0, QUEUED = 1, GRANTED = 2, TAKEN = 3, CLOSED = 4, CANCELLED = 5;

        final int wanted;
        /** Permits still missing while QUEUED; guarded by the semaphore's lock. */
        int remaining;
        int state = NEW;

        private Acquire(int wanted) {
            this.wanted = wanted;
            this.remaining = wanted;
        }

        /** Tries to take the permits; when pending, {@code waker} is woken once they are assigned. */
        Status poll(Waker waker) {
            lock.lock();
            try {
                switch (state) {
                    case NEW -> {
                        if (closed) {
                            state = CLOSED;
                            return Status.CLOSED;
                        }
                        boolean head = waiters.isEmpty();
                        if (head && permits >= wanted) {
                            permits -= wanted;
                            state = TAKEN;
                            return Status.ACQUIRED;
                        }
                        if (head) { // first in line: take what there is now, wait for the rest
                            int take = (int) Math.min(permits, wanted);
                            permits -= take;
                            remaining -= take;
                        }
                        waiters.add(this);
                        this.waker = waker;
                        state = QUEUED;
                        return Status.PENDING;
                    }
                    case QUEUED -> {
                        this.waker = waker; // the latest waker wins
                        return Status.PENDING;
                    }
                    case GRANTED -> {
                        state = TAKEN;
                        return Status.ACQUIRED;
                    }
                    case CLOSED -> {
                        return Status.CLOSED;
                    }
                    default -> throw new IllegalStateException("permit request polled after it completed or was cancelled");
                }
            } finally {
                lock.unlock();
            }
        }

        /** Whether this request is queued waiting for permits (racy, for task dumps). */
        boolean isWaitingRacy() {
            return state == QUEUED;
        }

        /**
         * How far this request got, for task dumps (racy: see the class notes): null while it
         * simply waits in the queue with nothing assigned yet; otherwise {@code not polled yet},
         * {@code 1 of 3 assigned} (the queue's head, partly served), {@code granted, not yet
         * taken}, {@code acquired}, {@code closed} or {@code cancelled}.
         */
        String progressRacy() {
            int s = state;
            if (s == QUEUED) {
                int assigned = wanted - remaining;
                return assigned == 0 ? null : assigned + " of " + wanted + " assigned";
            }
            return switch (s) {
                case NEW -> "not polled yet";
                case GRANTED -> "granted, not yet taken";
                case TAKEN -> "acquired";
                case CLOSED -> "closed";
                default -> "cancelled";
            };
        }

        /**
         * Withdraws the request: leaves the queue and returns any permits assigned to it (partly
         * or fully, even if its task has not seen them yet), serving the next waiters. Does
         * nothing once the permits were taken.
         */
        void cancel() {
            WakeList toWake = new WakeList();
            lock.lock();
            try {
                switch (state) {
                    case NEW, CLOSED -> state = CANCELLED;
                    case QUEUED -> {
                        waiters.remove(this);
                        waker = null;
                        permits += wanted - remaining;
                        state = CANCELLED;
                        // Even with nothing returned, the next waiter may now be servable from the
                        // pool: it was held back only by this one being ahead of it.
                        assignLocked(toWake);
                    }
                    case GRANTED -> {
                        permits += wanted;
                        state = CANCELLED;
                        assignLocked(toWake); // pass the hand-off on
                    }
                    default -> { } // TAKEN or CANCELLED: nothing to undo
                }
            } finally {
                lock.unlock();
            }
            toWake.wakeAll();
        }
    }
}
