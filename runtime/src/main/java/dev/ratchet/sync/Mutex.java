package dev.ratchet.sync;

import dev.ratchet.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An async mutual-exclusion lock protecting a value: {@link #lock()} waits without blocking a
 * thread, and holders are served first come, first served.
 *
 * <pre>{@code
 * Mutex<List<String>> log = new Mutex<>(new ArrayList<>());
 *
 * @Async
 * void record(String line) {
 *     try (Mutex.Guard<List<String>> g = await(log.lock())) {
 *         g.get().add(line);
 *         await(flushIfFull(g.get()));   // holding an async lock across an await is fine
 *     }
 * }
 * }</pre>
 *
 * <h2>Fairness</h2>
 * Strict FIFO: closing a guard hands the lock directly to the longest waiter (no barging: a
 * {@link #tryLock()} or a new {@code lock()} cannot overtake it).
 *
 * <h2>Cancel safety</h2>
 * A cancelled {@code lock()} leaves the queue; if the lock had already been handed to it, it is
 * passed on to the next waiter (or unlocked). Its next poll throws {@link
 * java.util.concurrent.CancellationException}.
 *
 * <h2>Memory visibility</h2>
 * Writes made while holding the guard are visible to the next holder, on whatever thread (the
 * hand-off goes through the internal semaphore's lock).
 *
 * @param <T> the protected value's type
 */
public final class Mutex<T> {
    private final BatchSemaphore sem = new BatchSemaphore(1);
    /** Read and written only by the current guard holder; published by the hand-off (class doc). */
    private T value;
    /** Names lock() and says {@code held, 2 waiting}, for messages and task dumps (lock-free). */
    private final AcquireFuture.Describer describer = new AcquireFuture.Describer() {
        @Override
        public String operation(int permits) {
            return "Mutex.lock()";
        }

        @Override
        public String stateRacy() {
            return (sem.permitsRacy() == 0 ? "held, " : "free, ") + sem.waitersRacy() + " waiting";
        }
    };

    /** A mutex protecting {@code initial} (may be null). */
    public Mutex(T initial) {
        this.value = initial;
    }

    /** Waits for the lock. A ready lock spends one unit of the task's budget. */
    public Future<Guard<T>> lock() {
        return new AcquireFuture<>(sem.newAcquire(1), () -> new Guard<>(this), describer);
    }

    /** Takes the lock if it is free and nobody waits for it; otherwise returns {@code null}. */
    public Guard<T> tryLock() {
        return sem.tryAcquire(1) ? new Guard<>(this) : null;
    }

    /** Whether the lock is held right now (a racy snapshot, for diagnostics). */
    public boolean isLocked() {
        return sem.availablePermits() == 0;
    }

    @Override
    public String toString() {
        return "Mutex[" + (isLocked() ? "locked" : "unlocked") + "]";
    }

    /**
     * Ownership of the lock, giving access to the value; {@link #close()} unlocks. Use it with
     * try-with-resources. Closing twice throws; using it after closing throws.
     *
     * @param <T> the protected value's type
     */
    public static final class Guard<T> implements AutoCloseable {
        private final Mutex<T> mutex;
        private final AtomicBoolean released = new AtomicBoolean();

        private Guard(Mutex<T> mutex) {
            this.mutex = mutex;
        }

        /** The protected value. */
        public T get() {
            checkHeld();
            return mutex.value;
        }

        /** Replaces the protected value. */
        public void set(T value) {
            checkHeld();
            mutex.value = value;
        }

        /**
         * Unlocks, handing the lock to the next waiter if any.
         *
         * @throws IllegalStateException if already closed
         */
        @Override
        public void close() {
            if (!released.compareAndSet(false, true)) {
                throw new IllegalStateException("Mutex.Guard closed twice: the lock was already released");
            }
            mutex.sem.release(1);
        }

        private void checkHeld() {
            if (released.get()) throw new IllegalStateException("Mutex.Guard used after close(): the lock is no longer held");
        }

        @Override
        public String toString() {
            return "Mutex.Guard[" + (released.get() ? "released" : "held") + "]";
        }
    }
}
