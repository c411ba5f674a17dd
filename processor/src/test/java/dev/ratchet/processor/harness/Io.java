package dev.ratchet.processor.harness;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test futures and the side-effect log for test programs. {@code Io.value(v)} completes with
 * {@code v} according to the current {@link Schedule}; {@code Io.log(s)} records a side effect.
 * Programs run one at a time (tests of this module are not run concurrently with each other).
 */
public final class Io {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(daemon());
    private static volatile Schedule schedule = Schedule.READY;
    private static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());
    /** Futures created / cancelled since the last reset. */
    public static final AtomicInteger created = new AtomicInteger();
    public static final AtomicInteger cancelled = new AtomicInteger();

    private Io() {}

    public static void reset(Schedule s) {
        schedule = s;
        LOG.clear();
        created.set(0);
        cancelled.set(0);
    }

    public static Schedule schedule() {
        return schedule;
    }

    public static void log(Object entry) {
        LOG.add(String.valueOf(entry));
    }

    public static List<String> logged() {
        synchronized (LOG) {
            return List.copyOf(LOG);
        }
    }

    /** A future of {@code value} completing per the current schedule. */
    public static <T> Future<T> value(T value) {
        created.incrementAndGet();
        return new Scheduled<>(value, schedule);
    }

    /** A future that is pending until cancelled; then it logs its cleanup and completes cancelled. */
    public static <T> Future<T> never(String name) {
        created.incrementAndGet();
        return new Future<>() {
            private volatile boolean cancelRequested;

            @Override
            public Poll<T> poll(Context cx) {
                if (cancelRequested) {
                    log(name + " cleaned up");
                    throw new java.util.concurrent.CancellationException(name);
                }
                Waker w = cx.waker();
                waiters.add(w);
                return Poll.pending();
            }

            private final List<Waker> waiters = Collections.synchronizedList(new ArrayList<>());

            @Override
            public void cancel() {
                cancelled.incrementAndGet();
                log(name + " cancelled");
                cancelRequested = true;
            }

            @Override
            public String toString() {
                return "never(" + name + ")";
            }
        };
    }

    private static final class Scheduled<T> implements Future<T> {
        private final T value;
        private final Schedule schedule;
        private int polls;
        private volatile boolean done;
        /** The waker of the latest poll: the timer wakes whoever polled last (Future's contract). */
        private volatile Waker waker;

        Scheduled(T value, Schedule schedule) {
            this.value = value;
            this.schedule = schedule;
        }

        @Override
        public Poll<T> poll(Context cx) {
            polls++;
            switch (schedule) {
                case READY:
                    return Poll.ready(value);
                case FAILING:
                    throw Sneaky.<RuntimeException>sneaky(new IoException("io failed: " + java.util.Arrays.deepToString(new Object[] {value})));
                case PENDING_ONCE:
                    if (polls == 1) {
                        cx.waker().wake();
                        return Poll.pending();
                    }
                    return Poll.ready(value);
                default:
                    if (done) return Poll.ready(value);
                    waker = cx.waker();
                    if (polls == 1) {
                        TIMER.schedule(() -> {
                            done = true;
                            waker.wake(); // after the write of done: a poll that misses it gets this wake
                        }, 200, TimeUnit.MICROSECONDS);
                    }
                    if (done) return Poll.ready(value); // completed while we stored the waker
                    return Poll.pending();
            }
        }

        @Override
        public void cancel() {
            cancelled.incrementAndGet();
        }
    }

    static final class Sneaky {
        @SuppressWarnings("unchecked")
        static <E extends Throwable> E sneaky(Throwable t) throws E {
            throw (E) t;
        }
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "io-timer");
            t.setDaemon(true);
            return t;
        };
    }
}
