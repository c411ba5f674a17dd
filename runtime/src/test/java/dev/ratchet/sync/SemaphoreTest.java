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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SemaphoreTest {
    @Test
    void acquireTryAcquireAndRelease() {
        Semaphore s = new Semaphore(3);
        Semaphore.Permit two = s.acquire(2).poll(new TestWaker().cx()).value();
        assertEquals(2, two.count());
        assertEquals(1, s.availablePermits());
        assertNull(s.tryAcquire(2));
        Semaphore.Permit one = s.tryAcquire();
        assertNotNull(one);
        assertEquals(0, s.availablePermits());
        two.close();
        one.close();
        assertEquals(3, s.availablePermits());
        s.release(2); // permits need not come from an acquire
        assertEquals(5, s.availablePermits());
    }

    @Test
    void largeRequestAtTheHeadHoldsBackLaterSmallOnes() {
        Semaphore s = new Semaphore(1);
        Future<Semaphore.Permit> big = s.acquire(3);
        Future<Semaphore.Permit> small = s.acquire(1);
        TestWaker wb = new TestWaker(), ws = new TestWaker();
        assertTrue(big.poll(wb.cx()).isPending());
        assertTrue(small.poll(ws.cx()).isPending(), "FIFO: small waits behind big");
        assertEquals(0, s.availablePermits(), "the head took the free permit as a partial assignment");
        s.release(1);
        assertNull(s.tryAcquire(), "no barging past a waiter");
        assertEquals(0, ws.wakes());
        s.release(1);
        assertEquals(1, wb.wakes(), "big has all three");
        Semaphore.Permit p = big.poll(wb.cx()).value();
        assertEquals(0, ws.wakes());
        p.close();
        assertEquals(1, ws.wakes());
        assertTrue(small.poll(ws.cx()).isReady());
        assertEquals(2, s.availablePermits());
    }

    @Test
    void cancellingThePartlyServedHeadReturnsItsPermitsToTheNextWaiters() {
        Semaphore s = new Semaphore(2);
        Future<Semaphore.Permit> big = s.acquire(5);
        Future<Semaphore.Permit> small = s.acquire(1);
        TestWaker wb = new TestWaker(), ws = new TestWaker();
        big.poll(wb.cx());
        small.poll(ws.cx());
        big.cancel();
        assertEquals(1, ws.wakes(), "the returned permits served the next waiter");
        assertTrue(small.poll(ws.cx()).isReady());
        assertEquals(1, s.availablePermits());
        assertThrows(CancellationException.class, () -> big.poll(wb.cx()));
    }

    @Test
    void cancellingAGrantedButUnseenAcquireReturnsEveryPermit() {
        Semaphore s = new Semaphore(0);
        Future<Semaphore.Permit> f = s.acquire(2);
        TestWaker w = new TestWaker();
        f.poll(w.cx());
        s.release(2);
        assertEquals(1, w.wakes());
        f.cancel();
        assertEquals(2, s.availablePermits());
        assertThrows(CancellationException.class, () -> f.poll(w.cx()));
    }

    @Test
    void spentBudgetYieldsWithoutTakingPermits() {
        Semaphore s = new Semaphore(1);
        TestWaker w = new TestWaker();
        Context cx = Context.withBudget(w, 1);
        cx.consumeBudget();
        Future<Semaphore.Permit> f = s.acquire();
        assertTrue(f.poll(cx).isPending());
        assertEquals(1, w.wakes());
        assertEquals(1, s.availablePermits());
        cx.refillBudget(2);
        assertTrue(f.poll(cx).isReady());
        assertEquals(1, cx.budgetRemaining());
    }

    @Test
    void badInputAndMisuse() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1)).getMessage().contains(">= 0"));
        Semaphore s = new Semaphore(1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.acquire(0)).getMessage().contains(">= 1"));
        assertThrows(IllegalArgumentException.class, () -> s.tryAcquire(-2));
        assertThrows(IllegalArgumentException.class, () -> s.release(-1));
        assertThrows(IllegalStateException.class, () -> s.release(Integer.MAX_VALUE));
        Semaphore.Permit p = s.tryAcquire();
        p.close();
        assertThrows(IllegalStateException.class, p::close);
        assertEquals(1, s.availablePermits(), "a double close does not release twice");
    }

    /**
     * 8 threads x 5_000 acquisitions of 1-3 permits out of 4, some cancelled while pending: never
     * more than 4 held at once, and every permit is back at the end.
     */
    @Test
    void randomizedContentionConservesPermits() throws Exception {
        int total = 4;
        Semaphore s = new Semaphore(total);
        AtomicInteger held = new AtomicInteger();
        AtomicInteger overdraft = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    TestWaker w = new TestWaker();
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    for (int i = 0; i < 5_000; i++) {
                        int n = 1 + rnd.nextInt(3);
                        Future<Semaphore.Permit> f = s.acquire(n);
                        Poll<Semaphore.Permit> p = f.poll(w.cx());
                        if (p.isPending() && rnd.nextInt(10) == 0) {
                            f.cancel();
                            try {
                                f.poll(w.cx());
                                throw new AssertionError("poll after cancel must throw");
                            } catch (CancellationException expected) {
                                continue;
                            }
                        }
                        while (p.isPending()) {
                            if (!w.awaitWake(Duration.ofSeconds(10))) throw new AssertionError("lost wake-up");
                            p = f.poll(w.cx());
                        }
                        try (Semaphore.Permit permit = p.value()) {
                            if (held.addAndGet(permit.count()) > total) overdraft.incrementAndGet();
                            if (rnd.nextBoolean()) Thread.yield();
                            held.addAndGet(-permit.count());
                        }
                        while (w.takeWake()) { }
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
        assertEquals(0, overdraft.get(), "more permits held than exist");
        assertEquals(total, s.availablePermits(), "permits lost or duplicated");
    }
}
