package shop;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.machine.AsyncStateMachine;
import java.util.Objects;
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
        Objects.requireNonNull(self, "the receiver of Checkout.buy is null");
        return new Buy(self, item, cost);
    }

    /**
     * Returns the lazy future of {@code Checkout.reserve}; creating it runs nothing.
     */
    static Future<String> reserve(Checkout self, String item) {
        Objects.requireNonNull(self, "the receiver of Checkout.reserve is null");
        return new Reserve(self, item);
    }

    /**
     * The state machine of {@code Checkout.buy}: each poll runs from its state to the next pending await.
     */
    static final class Buy extends AsyncStateMachine<Boolean> {
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
        public Poll<Boolean> poll(Context cx) {
            beginPoll(cx);
            Boolean result;
            try {
                String receipt = null;
                boolean eagerReturned = false;
                dispatch:
                for (;;) {
                    if (state == State.START) {
                        awaitOn(self.bank.decrement(cost));
                        state = State.AWAIT_DECREMENT_L29;
                    }
                    switch (state) {
                        case AWAIT_DECREMENT_L29 -> {
                            // Checkout.java:29: await(bank.decrement(cost))
                            if (mustSuspend(cx)) return Poll.pending();
                            Poll<?> ready = polled(awaited().poll(cx));
                            if (ready.isPending()) return Poll.pending();
                            Boolean decrement = (Boolean) ready.value();
                            if (!decrement) {
                                result = false;
                                break dispatch;
                            } else {
                                state = State.AWAIT_RESERVE_L30;
                                beginCall();
                                String called = Reserve.start(cx, this, self, item);
                                item = null;
                                if (called == null && suspendedCall()) return Poll.pending();
                                endCall();
                                receipt = called;
                                eagerReturned = true;
                            }
                        }
                        case AWAIT_RESERVE_L30 -> {
                            // Checkout.java:30: reserve(item)
                            if (eagerReturned) {
                                eagerReturned = false;
                            } else {
                                if (mustSuspend(cx)) return Poll.pending();
                                Poll<?> ready = polled(awaited().poll(cx));
                                if (ready.isPending()) return Poll.pending();
                                receipt = (String) ready.value();
                            }
                            result = receipt != null;
                            break dispatch;
                        }
                    }
                }
            } catch (Throwable t) {
                throw failed(t);
            }
            return complete(result);
        }

        /**
         * Runs {@code Checkout.buy} for a caller's await: polls a new machine once, in place, and returns its
         * result, or hands the pending machine to {@code holder} and returns {@code false}. (The body is not
         * printed a second time here: it declares a local class, or is too large.)
         */
        static boolean start(Context cx, AsyncStateMachine<?> holder, Checkout self, String item,
                int cost) {
            Objects.requireNonNull(self, "the receiver of Checkout.buy is null");
            Buy called = new Buy(self, item, cost);
            if (mustDefer(cx, holder)) {
                defer(holder, called);
                return false;
            }
            Poll<Boolean> ready = called.poll(cx);
            if (ready.isPending()) {
                suspendPolled(holder, called);
                return false;
            }
            return ready.value();
        }

        @Override
        protected StackTraceElement sourceFrame() {
            return frame(state.line);
        }

        private static StackTraceElement frame(int line) {
            return new StackTraceElement("shop.Checkout", "buy", "Checkout.java", line);
        }

        private enum State {
            START(27),

            AWAIT_DECREMENT_L29(29),

            AWAIT_RESERVE_L30(30);

            /**
             * The line in Checkout.java this state resumes at.
             */
            final int line;

            State(int line) {
                this.line = line;
            }
        }
    }

    /**
     * The state machine of {@code Checkout.reserve}: each poll runs from its state to the next pending await.
     */
    static final class Reserve extends AsyncStateMachine<String> {
        private final Checkout self;

        private String item;

        private State state = State.START;

        Reserve(Checkout self, String item) {
            this.self = self;
            this.item = item;
        }

        /**
         * For {@code start}: the machine at {@code state}, where it suspended, with its fields.
         */
        private Reserve(State state, Checkout self, String item) {
            this.state = state;
            this.self = self;
            this.item = item;
        }

        @Override
        public Poll<String> poll(Context cx) {
            beginPoll(cx);
            String result;
            try {
                dispatch:
                for (;;) {
                    if (state == State.START) {
                        awaitOn(self.inventory.take(item));
                        item = null;
                        state = State.AWAIT_TAKE_L36;
                    }
                    switch (state) {
                        case AWAIT_TAKE_L36 -> {
                            // Checkout.java:36: await(inventory.take(item))
                            if (mustSuspend(cx)) return Poll.pending();
                            Poll<?> ready = polled(awaited().poll(cx));
                            if (ready.isPending()) return Poll.pending();
                            String take = (String) ready.value();
                            result = take;
                            break dispatch;
                        }
                    }
                }
            } catch (Throwable t) {
                throw failed(t);
            }
            return complete(result);
        }

        /**
         * Runs {@code Checkout.reserve} at once for a caller's await: returns its result, or, once an await is pending,
         * hands this machine to {@code holder} and returns {@code null}.
         */
        static String start(Context cx, AsyncStateMachine<?> holder, Checkout self, String item) {
            Objects.requireNonNull(self, "the receiver of Checkout.reserve is null");
            // The checks of the caller's await: its budget unit, cancellation; to wait, it awaits the lazy machine.
            if (mustDefer(cx, holder)) {
                defer(holder, new Reserve(self, item));
                return null;
            }
            State state = State.START;
            Future<?> awaiting = null;
            String result;
            try {
                String take = null;
                dispatch:
                for (;;) {
                    if (state == State.START) {
                        awaiting = self.inventory.take(item);
                        state = State.AWAIT_TAKE_L36;
                        // Checkout.java:36: await(inventory.take(item))
                        {
                            if (cx.yieldIfSpent()) {
                                suspendAwait(holder, new Reserve(state, self, null), awaiting, false);
                                return null;
                            }
                            Poll<?> ready = awaiting.poll(cx);
                            if (ready.isPending()) {
                                suspendAwait(holder, new Reserve(state, self, null), awaiting, true);
                                return null;
                            }
                            awaiting = null;
                            take = (String) ready.value();
                        }
                        result = take;
                        break dispatch;
                    }
                }
            } catch (Throwable t) {
                throw failedEagerly(t, frame(awaiting != null ? state.line : -1));
            }
            return result;
        }

        @Override
        protected StackTraceElement sourceFrame() {
            return frame(state.line);
        }

        private static StackTraceElement frame(int line) {
            return new StackTraceElement("shop.Checkout", "reserve", "Checkout.java", line);
        }

        private enum State {
            START(34),

            AWAIT_TAKE_L36(36);

            /**
             * The line in Checkout.java this state resumes at.
             */
            final int line;

            State(int line) {
                this.line = line;
            }
        }
    }
}
