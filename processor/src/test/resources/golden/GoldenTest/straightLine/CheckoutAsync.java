package shop;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.machine.AsyncStateMachine;
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
                                awaitOn(CheckoutAsync.reserve(self, item));
                                item = null;
                                state = State.AWAIT_RESERVE_L30;
                            }
                        }
                        case AWAIT_RESERVE_L30 -> {
                            // Checkout.java:30: reserve(item)
                            if (mustSuspend(cx)) return Poll.pending();
                            Poll<?> ready = polled(awaited().poll(cx));
                            if (ready.isPending()) return Poll.pending();
                            receipt = (String) ready.value();
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

        @Override
        protected StackTraceElement sourceFrame() {
            return new StackTraceElement("shop.Checkout", "buy", "Checkout.java", state.line);
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

        @Override
        protected StackTraceElement sourceFrame() {
            return new StackTraceElement("shop.Checkout", "reserve", "Checkout.java", state.line);
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
