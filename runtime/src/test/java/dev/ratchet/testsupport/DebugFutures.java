package dev.ratchet.testsupport;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.debug.Traceable;
import dev.ratchet.internal.machine.ResumingMachine;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Hand-written futures for dump, long-poll and JFR tests: known source positions, blocking polls. */
public final class DebugFutures {
    private DebugFutures() {}

    /** A source position as a generated machine would report it. */
    public static StackTraceElement at(String className, String method, String file, int line) {
        return new StackTraceElement(className, method, file, line);
    }

    /**
     * A {@link TestFutures.Gate} that opts into task dumps: while it waits it says it is suspended
     * at {@code at}, waiting for a leaf whose {@code toString()} is {@code leafDescription}.
     */
    public static final class TracedGate<T> implements Future<T>, Traceable {
        private final TestFutures.Gate<T> gate = new TestFutures.Gate<>();
        private final StackTraceElement at;
        private final Future<?> leaf;
        private volatile boolean waiting = true;

        public TracedGate(StackTraceElement at, String leafDescription) {
            this.at = at;
            this.leaf = new Future<Object>() {
                @Override
                public Poll<Object> poll(Context cx) {
                    return Poll.pending();
                }

                @Override
                public String toString() {
                    return leafDescription;
                }
            };
        }

        public void open(T value) {
            gate.open(value);
        }

        @Override
        public Poll<T> poll(Context cx) {
            Poll<T> p = gate.poll(cx);
            if (p.isReady()) waiting = false;
            return p;
        }

        @Override
        public StackTraceElement suspendedAt() {
            return waiting ? at : null;
        }

        @Override
        public List<? extends Future<?>> awaiting() {
            return waiting ? List.of(leaf) : List.of();
        }
    }

    /** Blocks the polling thread in its first poll until {@link #release()}: a task in state RUNNING. */
    public static final class Blocker implements Future<Integer> {
        public final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final int value;

        public Blocker(int value) {
            this.value = value;
        }

        public void release() {
            release.countDown();
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) throw new AssertionError("blocker never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return Poll.ready(value);
        }
    }

    /**
     * A state machine shaped like the processor's output for
     * <pre>{@code
     * @Async int index() {
     *     int n = await(Futures.yieldNow() then 7);   // Indexer.java:42
     *     Thread.sleep(blockMillis);                  // blocks the worker
     *     return n;
     * }
     * }</pre>
     * Its current frame is {@code demo.Indexer.index(Indexer.java:42)} once it has reached the await.
     */
    public static final class BlockingMachine extends ResumingMachine<Integer> {
        public static final String RESUMED_AT = "demo.Indexer.index(Indexer.java:42)";
        private final long blockMillis;
        private volatile int state;

        public BlockingMachine(long blockMillis) {
            this.blockMillis = blockMillis;
        }

        @Override
        protected Poll<Integer> resume(Context cx) throws Throwable {
            if (state == 0) {
                awaitOn(new TestFutures.Yield<>(1, 7));
                state = 1;
            }
            Poll<?> ready = pollAwaited(cx);
            if (ready.isPending()) return Poll.pending();
            Thread.sleep(blockMillis); // the bug the watchdog must report
            return Poll.ready((Integer) ready.value());
        }

        @Override
        protected StackTraceElement sourceFrame() {
            return at("demo.Indexer", "index", "Indexer.java", state == 0 ? -1 : 42);
        }
    }
}
