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

        /**
         * For {@code start}: the machine at {@code state}, where it suspended, with its fields.
         */
        private Sizes(State state, Downloads self, List<String> urls, List<Integer> sizes,
                Iterator<String> urlIterator) {
            this.state = state;
            this.self = self;
            this.urls = urls;
            this.sizes = sizes;
            this.urlIterator = urlIterator;
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
         * Runs {@code Downloads.sizes} at once for a caller's await: returns its result, or, once an await is pending,
         * hands this machine to {@code holder} and returns {@code null}.
         */
        static List<Integer> start(Context cx, AsyncStateMachine<?> holder, Downloads self,
                List<String> urls) {
            Objects.requireNonNull(self, "the receiver of Downloads.sizes is null");
            // The checks of the caller's await: its budget unit, cancellation; to wait, it awaits the lazy machine.
            if (mustDefer(cx, holder)) {
                defer(holder, new Sizes(self, urls));
                return null;
            }
            State state = State.START;
            Future<?> awaiting = null;
            List<Integer> result;
            try {
                List<Integer> sizes = null;
                String url = null;
                Iterator<String> urlIterator = null;
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
                                awaiting = self.http.get(url);
                                state = State.AWAIT_GET_L26;
                                // Downloads.java:26: await(http.get(url))
                                {
                                    if (cx.yieldIfSpent()) {
                                        suspendAwait(holder, new Sizes(state, self, null, sizes, urlIterator), awaiting, false);
                                        return null;
                                    }
                                    Poll<?> ready = awaiting.poll(cx);
                                    if (ready.isPending()) {
                                        suspendAwait(holder, new Sizes(state, self, null, sizes, urlIterator), awaiting, true);
                                        return null;
                                    }
                                    awaiting = null;
                                    body = (byte[]) ready.value();
                                }
                                sizes.add(body.length);
                                state = State.LOOP_L24;
                            } else {
                                result = sizes;
                                break dispatch;
                            }
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
