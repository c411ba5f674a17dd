package dev.ratchet.sync;

import dev.ratchet.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An async counting semaphore with fair (FIFO) queuing: waiting never blocks a thread.
 *
 * <pre>{@code
 * Semaphore connections = new Semaphore(10);
 *
 * @Async
 * Response call(Request r) {
 *     try (Semaphore.Permit p = await(connections.acquire())) {
 *         return await(send(r));
 *     }
 * }
 * }</pre>
 *
 * <h2>Fairness</h2>
 * Acquirers are served strictly in the order they first polled. A request for many permits at the
 * head of the queue holds back later requests for fewer, even if enough permits are free for
 * them (as Tokio's {@code batch_semaphore}); {@link #tryAcquire(int)} never overtakes a waiter.
 *
 * <h2>Cancel safety</h2>
 * Cancelling a pending {@code acquire} removes it from the queue and returns any permits already
 * assigned to it, even if it was granted all of them but not yet polled; its next poll throws
 * {@link java.util.concurrent.CancellationException}. No permit is lost.
 *
 * <p>Threading: all methods are safe from any thread. A ready acquire spends one unit of the
 * task's cooperative budget.
 */
public final class Semaphore {
    private final BatchSemaphore sem;
    /**
     * Permits this semaphore has in all, free or held: the initial ones plus every {@link
     * #release(int)} (a {@link Permit} gives back what it took, which does not change it). Only
     * for task dumps ({@code 1 of 4 permits free}); atomic since releases come from any thread.
     */
    private final AtomicLong total;
    /** Names acquire(n) and says {@code 1 of 4 permits free, 2 waiting}, for messages and task dumps (lock-free). */
    private final AcquireFuture.Describer describer = new AcquireFuture.Describer() {
        @Override
        public String operation(int permits) {
            return "Semaphore.acquire(" + permits + ")";
        }

        @Override
        public String stateRacy() {
            return sem.permitsRacy() + " of " + total.get() + " permits free, " + sem.waitersRacy() + " waiting";
        }
    };

    /**
     * A semaphore with {@code permits} initial permits.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public Semaphore(int permits) {
        this.sem = new BatchSemaphore(permits);
        this.total = new AtomicLong(permits);
    }

    /** Waits for one permit. */
    public Future<Permit> acquire() {
        return acquire(1);
    }

    /**
     * Waits for {@code n} permits, taken all at once.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Future<Permit> acquire(int n) {
        checkCount(n);
        return new AcquireFuture<>(sem.newAcquire(n), () -> new Permit(n), describer);
    }

    /** Takes one permit if one is free and nobody waits; otherwise returns {@code null}. */
    public Permit tryAcquire() {
        return tryAcquire(1);
    }

    /**
     * Takes {@code n} permits if they are free and nobody waits; otherwise returns {@code null}.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Permit tryAcquire(int n) {
        checkCount(n);
        return sem.tryAcquire(n) ? new Permit(n) : null;
    }

    /**
     * Adds {@code n} permits (which need not have been acquired before), waking waiters in order.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     * @throws IllegalStateException if the total would exceed {@link Integer#MAX_VALUE}
     */
    public void release(int n) {
        if (n < 0) throw new IllegalArgumentException("permits to release must be >= 0, got " + n);
        if (n > 0) {
            sem.release(n);
            total.addAndGet(n);
        }
    }

    /** Permits free right now (0 while anyone waits). */
    public int availablePermits() {
        return sem.availablePermits();
    }

    private static void checkCount(int n) {
        if (n < 1) throw new IllegalArgumentException("permits to acquire must be >= 1, got " + n);
    }

    @Override
    public String toString() {
        return "Semaphore[available=" + availablePermits() + "]";
    }

    /**
     * Permits held; {@link #close()} gives them back. Use it with try-with-resources.
     *
     * <p>Closing twice is a bug (it would release permits twice) and throws.
     */
    public final class Permit implements AutoCloseable {
        private final int count;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(int count) {
            this.count = count;
        }

        /** How many permits this holds. */
        public int count() {
            return count;
        }

        /**
         * Returns the permits to the semaphore.
         *
         * @throws IllegalStateException if already closed
         */
        @Override
        public void close() {
            if (!released.compareAndSet(false, true)) {
                throw new IllegalStateException("Semaphore.Permit closed twice: its " + count + " permit(s) were already released");
            }
            sem.release(count);
        }

        @Override
        public String toString() {
            return "Permit[" + count + (released.get() ? ", released]" : "]");
        }
    }
}
