package dev.ratchet.sync;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.waker.Budget;
import dev.ratchet.internal.waker.WaitQueue;
import dev.ratchet.internal.waker.WakeList;
import java.util.concurrent.CancellationException;

/**
 * Wakes waiting tasks, with no data: Tokio's {@code Notify}. {@link #notified()} waits; {@link
 * #notifyOne()} wakes the longest waiter, or stores one permit so the next {@code notified()}
 * completes at once; {@link #notifyWaiters()} wakes everyone waiting now.
 *
 * <pre>{@code
 * Notify changed = new Notify();
 *
 * @Async void watcher() {
 *     while (true) {
 *         await(changed.notified());
 *         reload();
 *     }
 * }
 * // elsewhere, any thread:
 * changed.notifyOne();
 * }</pre>
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>{@code notifyOne()}: FIFO; at most one permit is stored (repeated calls with nobody
 *       waiting still leave one).
 *   <li>{@code notifyWaiters()} wakes the futures created before the call (even those not polled
 *       yet, as in Tokio) and stores no permit.
 * </ul>
 *
 * <h2>Cancel safety</h2>
 * Cancelling a pending {@code notified()} removes it from the queue; if it had already been chosen
 * by {@code notifyOne()} but had not seen it, the notification passes to the next waiter (or is
 * stored as the permit): none is lost. Its next poll throws {@link CancellationException}.
 *
 * <p>Threading: safe from any thread; a ready {@code notified()} spends one unit of the budget.
 *
 * <p>Naming: the broadcast is {@link #notifyWaiters()} (Tokio's name), not {@code notifyAll()}:
 * {@link Object#notifyAll()} is final and means something else (monitor wait sets).
 */
public final class Notify {
    private final Object lock = new Object();
    private final WaitQueue<Waiter> waiters = new WaitQueue<>();
    /** A stored notifyOne() with nobody waiting; guarded by {@link #lock}. */
    private boolean permit;
    /** Count of notifyWaiters() calls; a Notified created before a call sees it changed. Guarded by lock. */
    private long generation;

    /** A future completing at the next notification (see the class documentation). */
    public Future<Void> notified() {
        synchronized (lock) {
            return new Notified(generation);
        }
    }

    /** Wakes the longest waiter, or stores a permit if nobody waits. */
    public void notifyOne() {
        WakeList toWake = new WakeList();
        synchronized (lock) {
            notifyOneLocked(toWake);
        }
        toWake.wakeAll();
    }

    private void notifyOneLocked(WakeList toWake) {
        Waiter w = waiters.poll();
        if (w == null) {
            permit = true;
            return;
        }
        w.state = Waiter.NOTIFIED_ONE;
        toWake.add(w.waker);
        w.waker = null;
    }

    /** Wakes every task waiting now (and every {@code notified()} created before this call). */
    public void notifyWaiters() {
        WakeList toWake = new WakeList();
        synchronized (lock) {
            generation++;
            for (Waiter w; (w = waiters.poll()) != null; ) {
                w.state = Waiter.NOTIFIED_ALL;
                toWake.add(w.waker);
                w.waker = null;
            }
        }
        toWake.wakeAll();
    }

    /** One notified() in the queue; state transitions under {@link #lock}: NEW -> WAITING -> NOTIFIED_* -> DONE, or -> CANCELLED. */
    private static final class Waiter extends WaitQueue.Node {
        static final int NEW = 0, WAITING = 1, NOTIFIED_ONE = 2, NOTIFIED_ALL = 3, DONE = 4, CANCELLED = 5;
        int state = NEW;
    }

    private final class Notified implements Future<Void> {
        private final long createdAt;
        private final Waiter node = new Waiter();

        Notified(long generation) {
            this.createdAt = generation;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            synchronized (lock) {
                switch (node.state) {
                    case Waiter.DONE -> throw new IllegalStateException("Notify.notified() polled after it completed");
                    case Waiter.CANCELLED -> {
                        node.state = Waiter.DONE;
                        throw new CancellationException("Notify.notified() cancelled");
                    }
                    default -> { }
                }
            }
            if (!Budget.hasBudget(cx)) return Poll.pending();
            synchronized (lock) {
                switch (node.state) {
                    case Waiter.NEW -> {
                        if (generation != createdAt) {
                            node.state = Waiter.DONE;
                        } else if (permit) {
                            permit = false;
                            node.state = Waiter.DONE;
                        } else {
                            waiters.add(node);
                            node.waker = cx.waker();
                            node.state = Waiter.WAITING;
                            return Poll.pending();
                        }
                    }
                    case Waiter.WAITING -> {
                        node.waker = cx.waker(); // latest waker wins
                        return Poll.pending();
                    }
                    default -> node.state = Waiter.DONE; // NOTIFIED_ONE or NOTIFIED_ALL
                }
            }
            Budget.spend(cx);
            return Poll.ready(null);
        }

        @Override
        public void cancel() {
            WakeList toWake = new WakeList();
            synchronized (lock) {
                switch (node.state) {
                    case Waiter.WAITING -> waiters.remove(node);
                    case Waiter.NOTIFIED_ONE -> notifyOneLocked(toWake); // pass it on: not lost
                    case Waiter.DONE, Waiter.CANCELLED -> {
                        return;
                    }
                    default -> { } // NEW or NOTIFIED_ALL: nothing to undo
                }
                node.state = Waiter.CANCELLED;
                node.waker = null;
            }
            toWake.wakeAll();
        }

        /**
         * For task dumps: {@code Notify.notified() (waiting, 3 waiters in all)}. Without the lock
         * (a dump must never wait on what it inspects): a racy snapshot.
         */
        @Override
        public String toString() {
            String state = switch (node.state) {
                case Waiter.NEW -> "not polled yet";
                case Waiter.WAITING -> "waiting";
                case Waiter.NOTIFIED_ONE, Waiter.NOTIFIED_ALL -> "notified, not yet polled";
                case Waiter.DONE -> "complete";
                default -> "cancelled";
            };
            int n = waiters.size();
            return "Notify.notified() (" + state + ", " + n + (n == 1 ? " waiter in all)" : " waiters in all)");
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "Notify[waiters=" + waiters.size() + (permit ? ", permit stored]" : "]");
        }
    }
}
