package bank;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import javax.annotation.processing.Generated;

/**
 * Lazy futures of the {@code @Async} methods of {@link Transfers}: calling an entry creates the state
 * machine and runs nothing; polling runs the body.
 */
@Generated("dev.ratchet.processor.AsyncProcessor")
final class TransfersAsync {
    private TransfersAsync() {
    }

    /**
     * Returns the lazy future of {@code Transfers.withLock}; creating it runs nothing.
     */
    static Future<Long> withLock(Transfers self, String account) {
        return new WithLock(self, account);
    }

    /**
     * The state machine of {@code Transfers.withLock}: each poll runs from its state to the next pending await.
     */
    static final class WithLock extends StateMachine<Long> {
        private final Transfers self;

        private String account;

        /**
         * Completion record of the finally at line 24: the exception to rethrow, if any…
         */
        private Throwable finallyPending;

        /**
         * …otherwise the state to continue with.
         */
        private State finallyNext;

        private Long result;

        private State state = State.START;

        WithLock(Transfers self, String account) {
            this.self = self;
            this.account = account;
        }

        @Override
        Poll<Long> resume(Context cx) throws Throwable {
            long token = 0;
            for (;;) {
                try {
                    switch (state) {
                        case START -> {
                            awaitOn(self.ledger.lock(account));
                            state = State.AWAIT_LOCK_L23;
                        }
                        case AWAIT_LOCK_L23 -> {
                            // Transfers.java:23: await(ledger.lock(account))
                            Poll<?> ready = pollAwaited(cx);
                            if (ready.isPending()) return Poll.pending();
                            token = (Long) ready.value();
                            state = State.TRY_L24;
                        }
                        case TRY_L24 -> {
                            // Transfers.java:24: try
                            if (account.isEmpty()) throw new IllegalArgumentException("no account");
                            result = token * 2;
                            finallyPending = null;
                            finallyNext = State.RETURN;
                            state = State.FINALLY_L27;
                        }
                        case FINALLY_L27 -> {
                            // Transfers.java:27: finally
                            awaitOn(self.ledger.unlock(token));
                            account = null;
                            state = State.AWAIT_UNLOCK_L28;
                        }
                        case AWAIT_UNLOCK_L28 -> {
                            // Transfers.java:28: await(ledger.unlock(token))
                            Poll<?> ready = pollAwaited(cx);
                            if (ready.isPending()) return Poll.pending();
                            if (finallyPending != null) {
                                Throwable thrown = finallyPending;
                                finallyPending = null;
                                throw thrown;
                            }
                            state = finallyNext;
                        }
                        case RETURN -> {
                            return Poll.ready(result);
                        }
                    }
                } catch (Throwable t) {
                    switch (state) {
                        case TRY_L24 -> {
                            finallyPending = t;
                            state = State.FINALLY_L27;
                        }
                        default -> throw t;
                    }
                }
            }
        }

        private enum State {
            START,

            AWAIT_LOCK_L23,

            TRY_L24,

            FINALLY_L27,

            AWAIT_UNLOCK_L28,

            RETURN
        }
    }

    /**
     * The machinery shared by the state machines in this file: completion, cancellation and awaiting.
     * <p>Threading: {@code poll} is never called concurrently (the executor's rule) and successive polls
     * are ordered by the executor, so only {@code cancelRequested}, which {@code cancel()} may set from
     * any thread, is volatile.
     */
    abstract static class StateMachine<T> implements Future<T> {
        /**
         * Set by {@link #cancel()}; the next await point throws {@code CancellationException}.
         */
        private volatile boolean cancelRequested;

        private boolean started;

        private boolean completed;

        /**
         * The future being awaited, or null.
         */
        private Future<?> awaited;

        private boolean awaitedPolled;

        private boolean awaitedCancelled;

        @Override
        public final Poll<T> poll(Context cx) {
            if (completed) {
                throw new IllegalStateException("polled after completion: a future must not be polled once it returned ready or threw");
            }
            if (!started) {
                started = true;
                if (cancelRequested) {
                    // Cancelled before its first poll: runs nothing.
                    completed = true;
                    throw new CancellationException();
                }
            }
            Poll<T> result;
            try {
                result = resume(cx);
            } catch (Throwable t) {
                completed = true;
                awaited = null;
                throw StateMachine.<RuntimeException>sneakyThrow(t);
            }
            if (result.isReady()) {
                completed = true;
                // A catch may have swallowed the cancellation: the future still completes cancelled.
                if (cancelRequested) throw new CancellationException();
            }
            return result;
        }

        @Override
        public final void cancel() {
            // A stale read of completed only sets a flag a completed machine ignores.
            if (!completed) cancelRequested = true;
        }

        /**
         * Runs the body from the current state to the next await that is pending, or to the end.
         */
        abstract Poll<T> resume(Context cx) throws Throwable;

        /**
         * Starts awaiting {@code future}; the state that resumes calls {@link #pollAwaited}.
         */
        final void awaitOn(Future<?> future) {
            awaited = Objects.requireNonNull(future, "awaited future");
            awaitedPolled = false;
            awaitedCancelled = false;
        }

        /**
         * Polls the awaited future once. Every await spends one unit of the task's budget first: when it
         * is spent the task yields (woken, pending) and the same state retries on the next poll. After
         * {@link #cancel()}, cancels the awaited future, drives it to completion (its cleanup), then
         * throws {@code CancellationException} here, inside the user's try structure.
         */
        final Poll<?> pollAwaited(Context cx) {
            if (cx.yieldIfSpent()) return Poll.pending();
            Future<?> future = awaited;
            if (cancelRequested) {
                if (!awaitedPolled) {
                    // Never polled, so nothing ran: no cleanup to drive.
                    awaited = null;
                    throw new CancellationException();
                }
                if (!awaitedCancelled) {
                    awaitedCancelled = true;
                    future.cancel();
                }
            }
            awaitedPolled = true;
            Poll<?> ready;
            try {
                ready = future.poll(cx);
            } catch (Throwable t) {
                awaited = null;
                if (awaitedCancelled && !(t instanceof CancellationException)) {
                    CancellationException cancelled = new CancellationException();
                    cancelled.addSuppressed(t);
                    throw cancelled;
                }
                throw t;
            }
            if (ready.isPending()) return ready;
            awaited = null;
            if (awaitedCancelled) throw new CancellationException();
            return ready;
        }

        /**
         * Throws {@code t} unchanged, checked or not: an @Async method's declared exceptions.
         */
        @SuppressWarnings("unchecked")
        private static <E extends Throwable> E sneakyThrow(Throwable t) throws E {
            throw (E) t;
        }
    }
}
