package dev.ratchet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.internal.waker.TestWaker;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class NotifyTest {
    @Test
    void notifyOneWithNobodyWaitingStoresOnePermit() {
        Notify n = new Notify();
        n.notifyOne();
        n.notifyOne();
        assertTrue(n.notified().poll(new TestWaker().cx()).isReady(), "the stored permit");
        assertTrue(n.notified().poll(new TestWaker().cx()).isPending(), "only one permit is stored");
    }

    @Test
    void notifyOneWakesWaitersInFifoOrder() {
        Notify n = new Notify();
        Future<Void> a = n.notified(), b = n.notified(), c = n.notified();
        TestWaker wa = new TestWaker(), wb = new TestWaker(), wc = new TestWaker();
        a.poll(wa.cx());
        b.poll(wb.cx());
        c.poll(wc.cx());
        n.notifyOne();
        assertEquals(1, wa.wakes());
        assertEquals(0, wb.wakes() + wc.wakes());
        assertTrue(a.poll(wa.cx()).isReady());
        assertTrue(b.poll(wb.cx()).isPending());
        n.notifyOne();
        assertEquals(1, wb.wakes());
        assertEquals(0, wc.wakes());
    }

    @Test
    void notifyWaitersWakesCurrentWaitersAndStoresNothing() {
        Notify n = new Notify();
        Future<Void> a = n.notified(), b = n.notified();
        TestWaker wa = new TestWaker(), wb = new TestWaker();
        a.poll(wa.cx());
        b.poll(wb.cx());
        Future<Void> createdBeforeNeverPolled = n.notified();
        n.notifyWaiters();
        assertEquals(1, wa.wakes());
        assertEquals(1, wb.wakes());
        assertTrue(a.poll(wa.cx()).isReady());
        assertTrue(b.poll(wb.cx()).isReady());
        assertTrue(createdBeforeNeverPolled.poll(new TestWaker().cx()).isReady(), "created before the broadcast");
        assertTrue(n.notified().poll(new TestWaker().cx()).isPending(), "no permit stored");
    }

    @Test
    void cancellingAWaiterChosenByNotifyOnePassesTheNotificationOn() {
        Notify n = new Notify();
        Future<Void> a = n.notified(), b = n.notified();
        TestWaker wa = new TestWaker(), wb = new TestWaker();
        a.poll(wa.cx());
        b.poll(wb.cx());
        n.notifyOne();
        a.cancel();
        assertEquals(1, wb.wakes());
        assertTrue(b.poll(wb.cx()).isReady());
        assertThrows(CancellationException.class, () -> a.poll(wa.cx()));
        // And with nobody left, the passed-on notification becomes the permit.
        Future<Void> c = n.notified();
        TestWaker wc = new TestWaker();
        c.poll(wc.cx());
        n.notifyOne();
        c.cancel();
        assertTrue(n.notified().poll(new TestWaker().cx()).isReady());
    }

    @Test
    void cancelledWaiterLeavesTheQueue() {
        Notify n = new Notify();
        Future<Void> a = n.notified(), b = n.notified();
        TestWaker wa = new TestWaker(), wb = new TestWaker();
        a.poll(wa.cx());
        b.poll(wb.cx());
        a.cancel();
        n.notifyOne();
        assertEquals(0, wa.wakes());
        assertEquals(1, wb.wakes());
    }

    @Test
    void rePollWithANewWakerAndBudget() {
        Notify n = new Notify();
        Future<Void> a = n.notified();
        TestWaker old = new TestWaker(), fresh = new TestWaker();
        a.poll(old.cx());
        Context cx = Context.withBudget(fresh, 1);
        assertTrue(a.poll(cx).isPending());
        n.notifyOne();
        assertEquals(0, old.wakes());
        assertEquals(1, fresh.wakes());
        cx.consumeBudget();
        assertTrue(a.poll(cx).isPending(), "budget spent: yield even though notified");
        cx.refillBudget(1);
        assertTrue(a.poll(cx).isReady());
        assertThrows(IllegalStateException.class, () -> a.poll(cx));
    }

    /** Two threads ping-pong 20_000 times through two Notify: one lost wake-up hangs (and fails). */
    @Test
    void pingPongLosesNoWakeUp() throws Exception {
        int rounds = 20_000;
        Notify ping = new Notify(), pong = new Notify();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        Thread a = new Thread(() -> run(failures, start, rounds, ping, pong, true));
        Thread b = new Thread(() -> run(failures, start, rounds, pong, ping, false));
        a.start();
        b.start();
        start.countDown();
        a.join();
        b.join();
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
    }

    private static void run(Queue<Throwable> failures, CountDownLatch start, int rounds, Notify mine, Notify theirs, boolean first) {
        try {
            start.await();
            TestWaker w = new TestWaker();
            if (first) theirs.notifyOne();
            for (int i = 0; i < rounds; i++) {
                w.blockOn(mine.notified());
                if (i + 1 < rounds || !first) theirs.notifyOne();
            }
        } catch (Throwable e) {
            failures.add(e);
        }
    }
}
