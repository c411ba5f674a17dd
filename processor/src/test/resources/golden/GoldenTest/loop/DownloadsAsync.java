package files;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
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
        return new Sizes(self, urls);
    }

    /**
     * The state machine of {@code Downloads.sizes}: each poll runs from its state to the next pending await.
     */
    static final class Sizes extends StateMachine<List<Integer>> {
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
        Poll<List<Integer>> resume(Context cx) throws Throwable {
            String url = null;
            byte[] body = null;
            dispatch:
            for (;;) {
                switch (state) {
                    case START -> {
                        sizes = new ArrayList<>();
                        urlIterator = urls.iterator();
                        state = State.LOOP_L24;
                    }
                    case LOOP_L24 -> {
                        // Downloads.java:24: for (String url : urls)
                        if (urlIterator.hasNext()) {
                            url = urlIterator.next();
                            if (url.isEmpty()) { state = State.LOOP_L24; continue dispatch; }
                            awaitOn(self.http.get(url));
                            urls = null;
                            state = State.AWAIT_GET_L26;
                        } else {
                            return Poll.ready(sizes);
                        }
                    }
                    case AWAIT_GET_L26 -> {
                        // Downloads.java:26: await(http.get(url))
                        Poll<?> ready = pollAwaited(cx);
                        if (ready.isPending()) return Poll.pending();
                        body = (byte[]) ready.value();
                        sizes.add(body.length);
                        state = State.LOOP_L24;
                    }
                }
            }
        }

        private enum State {
            START,

            LOOP_L24,

            AWAIT_GET_L26
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
