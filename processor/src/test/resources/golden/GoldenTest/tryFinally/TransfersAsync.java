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

        /**
         * For {@code start}: the machine at {@code state}, where it suspended, with its fields.
         */
        private WithLock(State state, Transfers self, String account, Throwable finallyPending,
                State finallyNext, Long result) {
            this.state = state;
            this.self = self;
            this.account = account;
            this.finallyPending = finallyPending;
            this.finallyNext = finallyNext;
            this.result = result;
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
         * Runs {@code Transfers.withLock} at once for a caller's await: returns its result, or, once an await is pending,
         * hands this machine to {@code holder} and returns {@code Long.MIN_VALUE}.
         */
        static long start(Context cx, AsyncStateMachine<?> holder, Transfers self, String account) {
            Objects.requireNonNull(self, "the receiver of Transfers.withLock is null");
            // The checks of the caller's await: its budget unit, cancellation; to wait, it awaits the lazy machine.
            if (mustDefer(cx, holder)) {
                defer(holder, new WithLock(self, account));
                return Long.MIN_VALUE;
            }
            State state = State.START;
            Future<?> awaiting = null;
            long result = 0;
            try {
                long token = 0;
                Throwable finallyPending = null;
                State finallyNext = null;
                dispatch:
                for (;;) {
                    State entered = state;
                    try {
                        switch (state) {
                            case START -> {
                                awaiting = self.ledger.lock(account);
                                state = State.AWAIT_LOCK_L23;
                            }
                            case AWAIT_LOCK_L23 -> {
                                // Transfers.java:23: await(ledger.lock(account))
                                if (cx.yieldIfSpent()) {
                                    suspendAwait(holder, new WithLock(state, self, account, finallyPending, finallyNext, result), awaiting, false);
                                    return Long.MIN_VALUE;
                                }
                                Poll<?> ready = awaiting.poll(cx);
                                if (ready.isPending()) {
                                    suspendAwait(holder, new WithLock(state, self, account, finallyPending, finallyNext, result), awaiting, true);
                                    return Long.MIN_VALUE;
                                }
                                awaiting = null;
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
                                awaiting = self.ledger.unlock(token);
                                state = State.AWAIT_UNLOCK_L28;
                            }
                            case AWAIT_UNLOCK_L28 -> {
                                // Transfers.java:28: await(ledger.unlock(token))
                                if (cx.yieldIfSpent()) {
                                    suspendAwait(holder, new WithLock(state, self, null, finallyPending, finallyNext, result), awaiting, false);
                                    return Long.MIN_VALUE;
                                }
                                Poll<?> ready = awaiting.poll(cx);
                                if (ready.isPending()) {
                                    suspendAwait(holder, new WithLock(state, self, null, finallyPending, finallyNext, result), awaiting, true);
                                    return Long.MIN_VALUE;
                                }
                                awaiting = null;
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
                throw failedEagerly(t, frame(awaiting != null ? state.line : -1));
            }
            return result;
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
