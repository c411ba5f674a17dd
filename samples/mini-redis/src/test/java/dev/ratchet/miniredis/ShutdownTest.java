package dev.ratchet.miniredis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Waker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShutdownTest {
    @Test
    void aPendingWaitIsWokenAndThenReady() {
        Shutdown shutdown = new Shutdown();
        AtomicInteger wakes = new AtomicInteger();
        Context cx = Context.of(wakes::incrementAndGet);
        Future<Void> f = shutdown.signalled();
        assertTrue(f.poll(cx).isPending());
        assertTrue(f.poll(cx).isPending(), "a second poll only replaces the waker");
        shutdown.signal();
        assertEquals(1, wakes.get(), "woken once, with the latest waker");
        assertTrue(f.poll(cx).isReady());
        assertTrue(shutdown.signalled().poll(cx).isReady(), "a wait that starts after the signal is ready at once");
    }

    @Test
    void aCancelledWaitThrowsWithoutAStackTraceAndIsNotWoken() {
        Shutdown shutdown = new Shutdown();
        AtomicInteger wakes = new AtomicInteger();
        Context cx = Context.of(wakes::incrementAndGet);
        Future<Void> f = shutdown.signalled();
        assertTrue(f.poll(cx).isPending());
        f.cancel();
        CancellationException e = assertThrows(CancellationException.class, () -> f.poll(cx));
        assertEquals(0, e.getStackTrace().length);
        shutdown.signal();
        assertEquals(0, wakes.get(), "the cancelled wait withdrew its waker");
    }

    /** Signal races with waits starting on many threads: every wait ends ready, none is left unwoken. */
    @Test
    void noWakeIsLostWhenTheSignalRacesWithWaits() throws Exception {
        int threads = 8, repetitions = 500;
        for (int r = 0; r < repetitions; r++) {
            Shutdown shutdown = new Shutdown();
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(threads);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> waiters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        CountDownLatch woken = new CountDownLatch(1);
                        Waker waker = woken::countDown;
                        Future<Void> f = shutdown.signalled();
                        start.await();
                        if (f.poll(Context.of(waker)).isPending()) {
                            if (!woken.await(10, java.util.concurrent.TimeUnit.SECONDS)) failures.add("never woken");
                            else if (!f.poll(Context.of(waker)).isReady()) failures.add("woken but not ready");
                        }
                    } catch (Throwable e) {
                        failures.add(e.toString());
                    } finally {
                        done.countDown();
                    }
                });
                waiters.add(thread);
                thread.start();
            }
            start.countDown();
            shutdown.signal();
            done.await();
            for (Thread t : waiters) t.join();
            assertNull(failures.peek(), "repetition " + r + ": " + failures);
        }
    }
}
