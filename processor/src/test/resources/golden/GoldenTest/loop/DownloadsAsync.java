package files;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.machine.AsyncStateMachine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Lazy futures of the {@code @Async} methods of {@link Downloads}: calling an entry creates the state
 * machine and runs nothing; polling runs the body.
 */
@Generated("dev.ratchet.processor.AsyncProcessor")
final class DownloadsAsync {
    private DownloadsAsync() {
    }

    /**
     * Returns the lazy future of {@code Downloads.sizes}; creating it runs nothing.
     */
    static Future<List<Integer>> sizes(Downloads self, List<String> urls) {
        Objects.requireNonNull(self, "the receiver of Downloads.sizes is null");
        return new Sizes(self, urls);
    }

    /**
     * The state machine of {@code Downloads.sizes}: each poll runs from its state to the next pending await.
     */
    static final class Sizes extends AsyncStateMachine<List<Integer>> {
        private final Downloads self;

        private List<String> urls;

        private List<Integer> sizes;

        /**
         * Hidden variable of a loop or try-with-resources.
         */
        private Iterator<String> urlIterator;

        private State state = State.START;

        Sizes(Downloads self, List<String> urls) {
            this.self = self;
            this.urls = urls;
        }

        @Override
        public Poll<List<Integer>> poll(Context cx) {
            beginPoll(cx);
            List<Integer> result;
            try {
                String url = null;
                byte[] body = null;
                dispatch:
                for (;;) {
                    if (state == State.START) {
                        sizes = new ArrayList<>();
                        urlIterator = urls.iterator();
                        state = State.LOOP_L24;
                    }
                    switch (state) {
                        case LOOP_L24 -> {
                            // Downloads.java:24: for (String url : urls)
                            if (urlIterator.hasNext()) {
                                url = urlIterator.next();
                                if (url.isEmpty()) { state = State.LOOP_L24; continue dispatch; }
                                awaitOn(self.http.get(url));
                                urls = null;
                                state = State.AWAIT_GET_L26;
                            } else {
                                result = sizes;
                                break dispatch;
                            }
                        }
                        case AWAIT_GET_L26 -> {
                            // Downloads.java:26: await(http.get(url))
                            if (mustSuspend(cx)) return Poll.pending();
                            Poll<?> ready = polled(awaited().poll(cx));
                            if (ready.isPending()) return Poll.pending();
                            body = (byte[]) ready.value();
                            sizes.add(body.length);
                            state = State.LOOP_L24;
                        }
                    }
                }
            } catch (Throwable t) {
                throw failed(t);
            }
            return complete(result);
        }

        /**
         * Runs {@code Downloads.sizes} for a caller's await: polls a new machine once, in place, and returns its
         * result, or hands the pending machine to {@code holder} and returns {@code null}. (The body is not
         * printed a second time here: it declares a local class, or is too large.)
         */
        static List<Integer> start(Context cx, AsyncStateMachine<?> holder, Downloads self,
                List<String> urls) {
            Objects.requireNonNull(self, "the receiver of Downloads.sizes is null");
            Sizes called = new Sizes(self, urls);
            if (mustDefer(cx, holder)) {
                defer(holder, called);
                return null;
            }
            Poll<List<Integer>> ready = called.poll(cx);
            if (ready.isPending()) {
                suspendPolled(holder, called);
                return null;
            }
            return ready.value();
        }

        @Override
        protected StackTraceElement sourceFrame() {
            return frame(state.line);
        }

        private static StackTraceElement frame(int line) {
            return new StackTraceElement("files.Downloads", "sizes", "Downloads.java", line);
        }

        private enum State {
            START(21),

            LOOP_L24(24),

            AWAIT_GET_L26(26);

            /**
             * The line in Downloads.java this state resumes at.
             */
            final int line;

            State(int line) {
                this.line = line;
            }
        }
    }
}
