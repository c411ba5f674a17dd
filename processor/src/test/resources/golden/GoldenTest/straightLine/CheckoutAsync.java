package shop;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import javax.annotation.processing.Generated;

/**
 * Lazy futures of the {@code @Async} methods of {@link Checkout}: calling an entry creates the state
 * machine and runs nothing; polling runs the body.
 */
@Generated("dev.ratchet.processor.AsyncProcessor")
final class CheckoutAsync {
    private CheckoutAsync() {
    }

    /**
     * Returns the lazy future of {@code Checkout.buy}; creating it runs nothing.
     */
    static Future<Boolean> buy(Checkout self, String item, int cost) {
        return new Buy(self, item, cost);
    }

    /**
     * Returns the lazy future of {@code Checkout.reserve}; creating it runs nothing.
     */
    static Future<String> reserve(Checkout self, String item) {
        return new Reserve(self, item);
    }

    /**
     * The state machine of {@code Checkout.buy}: each poll runs from its state to the next pending await.
     */
    static final class Buy extends StateMachine<Boolean> {
        private final Checkout self;

        private String item;

        private int cost;

        private State state = State.START;

        Buy(Checkout self, String item, int cost) {
            this.self = self;
            this.item = item;
            this.cost = cost;
        }

        @Override
        Poll<Boolean> resume(Context cx) throws Throwable {
            String receipt = null;
            for (;;) {
                switch (state) {
                    case START -> {
                        awaitOn(self.bank.decrement(cost));
                        state = State.AWAIT_DECREMENT_L29;
                    }
                    case AWAIT_DECREMENT_L29 -> {
                        // Checkout.java:29: await(bank.decrement(cost))
                        Poll<?> ready = pollAwaited(cx);
                        if (ready.isPending()) return Poll.pending();
                        Boolean decrement = (Boolean) ready.value();
                        if (!decrement) {
                            return Poll.ready(false);
                        } else {
                            awaitOn(CheckoutAsync.reserve(self, item));
                            item = null;
                            state = State.AWAIT_RESERVE_L30;
                        }
                    }
                    case AWAIT_RESERVE_L30 -> {
                        // Checkout.java:30: reserve(item)
                        Poll<?> ready = pollAwaited(cx);
                        if (ready.isPending()) return Poll.pending();
                        receipt = (String) ready.value();
                        return Poll.ready(receipt != null);
                    }
                }
            }
        }

        private enum State {
            START,

            AWAIT_DECREMENT_L29,

            AWAIT_RESERVE_L30
        }
    }

    /**
     * The state machine of {@code Checkout.reserve}: each poll runs from its state to the next pending await.
     */
    static final class Reserve extends StateMachine<String> {
        private final Checkout self;

        private String item;

        private State state = State.START;

        Reserve(Checkout self, String item) {
            this.self = self;
            this.item = item;
        }

        @Override
        Poll<String> resume(Context cx) throws Throwable {
            for (;;) {
                switch (state) {
                    case START -> {
                        awaitOn(self.inventory.take(item));
                        item = null;
                        state = State.AWAIT_TAKE_L36;
                    }
                    case AWAIT_TAKE_L36 -> {
                        // Checkout.java:36: await(inventory.take(item))
                        Poll<?> ready = pollAwaited(cx);
                        if (ready.isPending()) return Poll.pending();
                        String take = (String) ready.value();
                        return Poll.ready(take);
                    }
                }
            }
        }

        private enum State {
            START,

            AWAIT_TAKE_L36
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
