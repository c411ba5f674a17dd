package bank;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.machine.AsyncStateMachine;
import java.util.Objects;
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
        Objects.requireNonNull(self, "the receiver of Transfers.withLock is null");
        return new WithLock(self, account);
    }

    /**
     * The state machine of {@code Transfers.withLock}: each poll runs from its state to the next pending await.
     */
    static final class WithLock extends AsyncStateMachine<Long> {
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
        public Poll<Long> poll(Context cx) {
            beginPoll(cx);
            try {
                long token = 0;
                dispatch:
                for (;;) {
                    State entered = state;
                    try {
                        switch (state) {
                            case START -> {
                                awaitOn(self.ledger.lock(account));
                                state = State.AWAIT_LOCK_L23;
                            }
                            case AWAIT_LOCK_L23 -> {
                                // Transfers.java:23: await(ledger.lock(account))
                                if (mustSuspend(cx)) return Poll.pending();
                                Poll<?> ready = polled(awaited().poll(cx));
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
                                if (mustSuspend(cx)) return Poll.pending();
                                Poll<?> ready = polled(awaited().poll(cx));
                                if (ready.isPending()) return Poll.pending();
                                if (finallyPending != null) {
                                    Throwable thrown = finallyPending;
                                    finallyPending = null;
                                    throw thrown;
                                }
                                state = finallyNext;
                            }
                            case RETURN -> {
                                break dispatch;
                            }
                        }
                    } catch (Throwable t) {
                        switch (entered) {
                            case TRY_L24 -> {
                                finallyPending = t;
                                state = State.FINALLY_L27;
                            }
                            default -> throw t;
                        }
                    }
                }
            } catch (Throwable t) {
                throw failed(t);
            }
            return complete(result);
        }

        /**
         * Runs {@code Transfers.withLock} for a caller's await: polls a new machine once, in place, and returns its
         * result, or hands the pending machine to {@code holder} and returns {@code Long.MIN_VALUE}. (The body is not
         * printed a second time here: it declares a local class, or is too large.)
         */
        static long start(Context cx, AsyncStateMachine<?> holder, Transfers self, String account) {
            Objects.requireNonNull(self, "the receiver of Transfers.withLock is null");
            WithLock called = new WithLock(self, account);
            if (mustDefer(cx, holder)) {
                defer(holder, called);
                return Long.MIN_VALUE;
            }
            Poll<Long> ready = called.poll(cx);
            if (ready.isPending()) {
                suspendPolled(holder, called);
                return Long.MIN_VALUE;
            }
            return ready.value();
        }

        @Override
        protected StackTraceElement sourceFrame() {
            return frame(state.line);
        }

        private static StackTraceElement frame(int line) {
            return new StackTraceElement("bank.Transfers", "withLock", "Transfers.java", line);
        }

        private enum State {
            START(21),

            AWAIT_LOCK_L23(23),

            TRY_L24(24),

            FINALLY_L27(27),

            AWAIT_UNLOCK_L28(28),

            RETURN(-1);

            /**
             * The line in Transfers.java this state resumes at.
             */
            final int line;

            State(int line) {
                this.line = line;
            }
        }
    }
}
