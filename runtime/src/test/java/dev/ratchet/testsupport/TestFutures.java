package dev.ratchet.testsupport;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Tiny hand-written futures for scheduler tests. */
public final class TestFutures {
    private TestFutures() {}

    /**
     * A future completed from another thread: {@link #open} stores the value and wakes the
     * stored waker. Same no-lost-wake protocol as the runtime: store the waker, then re-check.
     */
    public static final class Gate<T> implements Future<T> {
        private volatile Waker waker;
        private volatile boolean open;
        private T value;

        public void open(T value) {
            this.value = value;
            this.open = true; // publishes value
            Waker w = waker;
            if (w != null) w.wake();
        }

        @Override
        public Poll<T> poll(Context cx) {
            if (open) return Poll.ready(value);
            waker = cx.waker();
            return open ? Poll.ready(value) : Poll.pending();
        }
    }

    /** Yields {@code times} times (waking itself), then is ready with {@code value}. Counts polls. */
    public static final class Yield<T> implements Future<T> {
        private final int times;
        private final T value;
        private int polls;

        public Yield(int times, T value) {
            this.times = times;
            this.value = value;
        }

        @Override
        public Poll<T> poll(Context cx) {
            if (polls++ < times) {
                cx.waker().wake();
                return Poll.pending();
            }
            return Poll.ready(value);
        }

        public int polls() {
            return polls;
        }
    }

    /**
     * Pending until cancelled; its first poll counts down {@code started}; after {@code cancel()}
     * its next poll records "cleanup" in {@code log} and throws {@link CancellationException}.
     */
    public static class CleanupProbe implements Future<Void> {
        private final String name;
        private final ConcurrentLinkedQueue<String> log;
        private final CountDownLatch started;
        private volatile boolean cancelled;
        private boolean polledOnce;

        public CleanupProbe(String name, ConcurrentLinkedQueue<String> log, CountDownLatch started) {
            this.name = name;
            this.log = log;
            this.started = started;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            if (!polledOnce) {
                polledOnce = true;
                if (started != null) started.countDown();
            }
            if (cancelled) {
                log.add("cleanup " + name);
                throw new CancellationException(name + " cancelled");
            }
            return Poll.pending();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    /** Fails on its first poll with {@code failure}, rethrown unchanged (checked ones too). */
    public static <T> Future<T> failing(Throwable failure) {
        return cx -> {
            throw dev.ratchet.internal.task.Sneaky.rethrow(failure);
        };
    }

    /** Awaits {@code inner} from a hand-written future: polls it and passes its result through. */
    public static <T> Future<T> awaiting(Future<T> inner) {
        return inner::poll;
    }

    /** A counter future: ready after {@code n} polls in which it spends budget and yields if spent. */
    public static final class SpinUntil implements Future<Long> {
        private final java.util.function.BooleanSupplier stop;
        private long iterations;
        private final AtomicInteger yields = new AtomicInteger();

        public SpinUntil(java.util.function.BooleanSupplier stop) {
            this.stop = stop;
        }

        @Override
        public Poll<Long> poll(Context cx) {
            while (!stop.getAsBoolean()) {
                iterations++;
                if (cx.yieldIfSpent()) {
                    yields.incrementAndGet();
                    return Poll.pending();
                }
            }
            return Poll.ready(iterations);
        }

        public int yields() {
            return yields.get();
        }
    }

    /**
     * On its first poll spawns {@code n} tasks through {@code Futures.spawn}, task {@code i}
     * yielding {@code yields} times and returning {@code i}; then awaits their handles in order and
     * is ready with the sum.
     */
    public static final class SpawnAndSum implements Future<Long> {
        private final int n;
        private final int yields;
        private java.util.List<dev.ratchet.runtime.JoinHandle<Integer>> handles;
        private int next;
        private long sum;

        public SpawnAndSum(int n, int yields) {
            this.n = n;
            this.yields = yields;
        }

        @Override
        public Poll<Long> poll(Context cx) {
            if (handles == null) {
                handles = new java.util.ArrayList<>(n);
                for (int i = 0; i < n; i++) handles.add(dev.ratchet.Futures.spawn(new Yield<>(yields, i)));
            }
            while (next < n) {
                Poll<Integer> p = handles.get(next).poll(cx);
                if (p.isPending()) return Poll.pending();
                sum += p.value();
                next++;
            }
            return Poll.ready(sum);
        }
    }

    /** A future that, on its first poll, calls {@code Futures.spawnBlocking(work)} and then awaits it. */
    public static <T> Future<T> blocking(java.util.concurrent.Callable<T> work) {
        return new Future<>() {
            private dev.ratchet.runtime.JoinHandle<T> handle;

            @Override
            public Poll<T> poll(Context cx) {
                if (handle == null) handle = dev.ratchet.Futures.spawnBlocking(work);
                return handle.poll(cx);
            }
        };
    }
}
