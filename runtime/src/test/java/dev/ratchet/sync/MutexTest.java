package dev.ratchet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.waker.TestWaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MutexTest {
    @Test
    void uncontendedLockIsReadyAndGuardGivesTheValue() {
        Mutex<String> m = new Mutex<>("a");
        Poll<Mutex.Guard<String>> p = m.lock().poll(new TestWaker().cx());
        assertTrue(p.isReady());
        try (Mutex.Guard<String> g = p.value()) {
            assertEquals("a", g.get());
            g.set("b");
            assertTrue(m.isLocked());
            assertNull(m.tryLock());
        }
        try (Mutex.Guard<String> g = m.tryLock()) {
            assertNotNull(g);
            assertEquals("b", g.get());
        }
    }

    @Test
    void thousandWaitersAreServedInFifoOrderWithoutBarging() {
        Mutex<Integer> m = new Mutex<>(0);
        Mutex.Guard<Integer> held = m.tryLock();
        int n = 1000;
        List<Future<Mutex.Guard<Integer>>> futures = new ArrayList<>();
        List<TestWaker> wakers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Future<Mutex.Guard<Integer>> f = m.lock();
            TestWaker w = new TestWaker();
            assertTrue(f.poll(w.cx()).isPending());
            futures.add(f);
            wakers.add(w);
        }
        for (int i = 0; i < n; i++) {
            held.close();
            assertNull(m.tryLock(), "no barging: the lock was handed to waiter " + i);
            assertEquals(1, wakers.get(i).wakes(), "waiter " + i + " woken by the hand-off");
            if (i + 1 < n) assertEquals(0, wakers.get(i + 1).wakes(), "only the head is woken");
            Poll<Mutex.Guard<Integer>> p = futures.get(i).poll(wakers.get(i).cx());
            assertTrue(p.isReady(), "waiter " + i + " holds the lock");
            held = p.value();
            held.set(held.get() + 1);
        }
        assertEquals(n, held.get());
        held.close();
        assertTrue(!m.isLocked());
    }

    @Test
    void cancellingAWaiterThatWasJustHandedTheLockPassesItOn() {
        Mutex<String> m = new Mutex<>("x");
        Mutex.Guard<String> g = m.tryLock();
        Future<Mutex.Guard<String>> a = m.lock();
        Future<Mutex.Guard<String>> b = m.lock();
        TestWaker wa = new TestWaker(), wb = new TestWaker();
        assertTrue(a.poll(wa.cx()).isPending());
        assertTrue(b.poll(wb.cx()).isPending());
        g.close();
        assertEquals(1, wa.wakes(), "a was handed the lock");
        a.cancel();
        assertEquals(1, wb.wakes(), "a's cancellation passed the lock to b");
        assertThrows(CancellationException.class, () -> a.poll(wa.cx()));
        Poll<Mutex.Guard<String>> pb = b.poll(wb.cx());
        assertTrue(pb.isReady());
        pb.value().close();
        assertNotNull(m.tryLock(), "no lock leaked");
    }

    @Test
    void cancelledQueuedWaiterLeavesTheQueue() {
        Mutex<String> m = new Mutex<>("x");
        Mutex.Guard<String> g = m.tryLock();
        Future<Mutex.Guard<String>> a = m.lock();
        Future<Mutex.Guard<String>> b = m.lock();
        TestWaker wa = new TestWaker(), wb = new TestWaker();
        a.poll(wa.cx());
        b.poll(wb.cx());
        a.cancel();
        g.close();
        assertEquals(0, wa.wakes());
        assertEquals(1, wb.wakes());
        assertTrue(b.poll(wb.cx()).isReady());
    }

    @Test
    void rePollWithANewWakerWakesTheNewOne() {
        Mutex<String> m = new Mutex<>("x");
        Mutex.Guard<String> g = m.tryLock();
        Future<Mutex.Guard<String>> a = m.lock();
        TestWaker old = new TestWaker(), fresh = new TestWaker();
        a.poll(old.cx());
        a.poll(fresh.cx());
        g.close();
        assertEquals(0, old.wakes());
        assertEquals(1, fresh.wakes());
    }

    @Test
    void guardMisuseThrows() {
        Mutex<String> m = new Mutex<>("x");
        Mutex.Guard<String> g = m.tryLock();
        g.close();
        IllegalStateException twice = assertThrows(IllegalStateException.class, g::close);
        assertTrue(twice.getMessage().contains("twice"));
        assertThrows(IllegalStateException.class, g::get);
        assertThrows(IllegalStateException.class, () -> g.set("y"));
        // The double close did not release a second time: one tryLock succeeds, the next fails.
        assertNotNull(m.tryLock());
        assertNull(m.tryLock());
    }

    @Test
    void spentBudgetYieldsWithoutTakingTheLock() {
        Mutex<String> m = new Mutex<>("x");
        TestWaker w = new TestWaker();
        Context cx = Context.withBudget(w, 1);
        cx.consumeBudget();
        Future<Mutex.Guard<String>> f = m.lock();
        assertTrue(f.poll(cx).isPending());
        assertEquals(1, w.wakes());
        assertTrue(!m.isLocked(), "the lock was not taken while yielding");
        cx.refillBudget(5);
        assertTrue(f.poll(cx).isReady());
        assertEquals(4, cx.budgetRemaining());
    }

    @Test
    void pollAfterCompletionThrows() {
        Mutex<String> m = new Mutex<>("x");
        Future<Mutex.Guard<String>> f = m.lock();
        TestWaker w = new TestWaker();
        f.poll(w.cx()).value().close();
        assertThrows(IllegalStateException.class, () -> f.poll(w.cx()));
    }

    /** 8 threads x 10_000 lock/unlock by hand-polling loops; the value is a plain (non-atomic) int. */
    @Test
    void mutualExclusionUnderContention() throws Exception {
        int threads = 8;
        int iterations = 10_000;
        Mutex<int[]> m = new Mutex<>(new int[1]);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    TestWaker w = new TestWaker();
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    for (int i = 0; i < iterations; i++) {
                        Future<Mutex.Guard<int[]>> f = m.lock();
                        Poll<Mutex.Guard<int[]>> p = f.poll(w.cx());
                        if (p.isPending() && rnd.nextInt(50) == 0) {
                            // Cancel while queued (or just granted): must not leak the lock.
                            f.cancel();
                            cancelled.incrementAndGet();
                            i--;
                            continue;
                        }
                        while (p.isPending()) {
                            if (!w.awaitWake(java.time.Duration.ofSeconds(10))) throw new AssertionError("lost wake-up");
                            p = f.poll(w.cx());
                        }
                        try (Mutex.Guard<int[]> g = p.value()) {
                            if (inside.incrementAndGet() != 1) overlaps.incrementAndGet();
                            g.get()[0]++;
                            if (rnd.nextInt(8) == 0) Thread.yield();
                            inside.decrementAndGet();
                        }
                        while (w.takeWake()) { } // drop stale wakes from earlier rounds
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            th.start();
            ts.add(th);
        }
        start.countDown();
        for (Thread th : ts) th.join();
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
        assertEquals(0, overlaps.get(), "two holders at once");
        try (Mutex.Guard<int[]> g = m.tryLock()) {
            assertNotNull(g, "lock leaked (after " + cancelled.get() + " cancellations)");
            assertEquals(threads * iterations, g.get()[0]);
        }
    }
}
