package dev.ratchet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.internal.waker.TestWaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BroadcastTest {
    private static <T> T ready(Future<T> f) {
        Poll<T> p = TestWaker.pollOnce(f);
        assertTrue(p.isReady(), "expected ready: " + f);
        return p.value();
    }

    @Test
    void everyReceiverSeesEveryMessageSentAfterItSubscribed() {
        Broadcast<String> b = new Broadcast<>(8);
        Broadcast.Receiver<String> early = b.subscribe();
        assertEquals(1, b.send("a"));
        Broadcast.Receiver<String> late = b.subscribe();
        assertEquals(2, b.send("b"));
        assertEquals(2, b.send("c"));
        assertEquals("a", ready(early.recv()));
        assertEquals("b", ready(early.recv()));
        assertEquals("c", ready(early.recv()));
        assertEquals("b", ready(late.recv()), "subscribed after a: starts at b");
        assertEquals("c", ready(late.recv()));
        assertTrue(TestWaker.pollOnce(early.recv()).isPending());
        assertTrue(TestWaker.pollOnce(late.recv()).isPending());
    }

    @Test
    void sendWithNobodySubscribedDropsTheMessage() {
        Broadcast<String> b = new Broadcast<>(4);
        assertEquals(0, b.send("lost"));
        Broadcast.Receiver<String> r = b.subscribe();
        assertEquals(0, r.pending());
        assertTrue(TestWaker.pollOnce(r.recv()).isPending());
        r.close();
        assertEquals(0, b.receiverCount());
        assertEquals(0, b.send("lost too"));
    }

    @Test
    void aReceiverThatFallsBehindGetsLaggedWithTheCountThenContinuesFromTheOldestKept() {
        Broadcast<Integer> b = new Broadcast<>(4);
        Broadcast.Receiver<Integer> slow = b.subscribe();
        Broadcast.Receiver<Integer> fast = b.subscribe();
        for (int i = 0; i < 10; i++) {
            b.send(i);
            assertEquals(i, ready(fast.recv()), "a receiver that keeps up never lags");
        }
        assertEquals(4, slow.pending());
        Broadcast.LaggedException lag = assertThrows(Broadcast.LaggedException.class, () -> TestWaker.pollOnce(slow.recv()));
        assertEquals(6, lag.skipped());
        assertTrue(lag.getMessage().contains("missed 6 messages"), lag.getMessage());
        for (int i = 6; i < 10; i++) assertEquals(i, ready(slow.recv()));
        assertTrue(TestWaker.pollOnce(slow.recv()).isPending());
    }

    @Test
    void aSlotLetsGoOfItsMessageOnceEveryReceiverOwedItHasReadItOrLeft() {
        Broadcast<String> b = new Broadcast<>(8);
        Broadcast.Receiver<String> r1 = b.subscribe(), r2 = b.subscribe();
        b.send("a");
        Broadcast.Receiver<String> late = b.subscribe(); // not owed "a"
        b.send("b");
        assertEquals(2, b.retained());
        assertEquals("a", ready(r1.recv()));
        assertEquals(2, b.retained(), "r2 has not read a yet");
        assertEquals("a", ready(r2.recv()));
        assertEquals(1, b.retained(), "a is let go; the late receiver never counted for it");
        assertEquals("b", ready(r1.recv()));
        assertEquals("b", ready(late.recv()));
        r2.close(); // leaves without reading b
        assertEquals(0, b.retained());
        b.send("c");
        assertEquals("c", ready(r1.recv()));
        assertEquals("c", ready(late.recv()));
        assertEquals(0, b.retained());
    }

    @Test
    void overwrittenSlotsCountOnlyTheirNewMessage() {
        Broadcast<Integer> b = new Broadcast<>(2);
        Broadcast.Receiver<Integer> slow = b.subscribe(), fast = b.subscribe();
        for (int i = 0; i < 5; i++) {
            b.send(i);
            assertEquals(i, ready(fast.recv()));
        }
        assertEquals(2, b.retained(), "3 and 4 are still owed to the slow receiver");
        assertThrows(Broadcast.LaggedException.class, () -> TestWaker.pollOnce(slow.recv()));
        assertEquals(3, ready(slow.recv()));
        assertEquals(4, ready(slow.recv()));
        assertEquals(0, b.retained());
    }

    @Test
    void pendingRecvIsWokenBySendAndReturnsTheMessage() {
        Broadcast<String> b = new Broadcast<>(2);
        Broadcast.Receiver<String> r1 = b.subscribe(), r2 = b.subscribe();
        Future<String> f1 = r1.recv(), f2 = r2.recv();
        TestWaker w1 = new TestWaker(), w2 = new TestWaker();
        assertTrue(f1.poll(w1.cx()).isPending());
        assertTrue(f2.poll(w2.cx()).isPending());
        b.send("x");
        assertEquals(1, w1.wakes());
        assertEquals(1, w2.wakes());
        assertEquals(Poll.ready("x"), f1.poll(w1.cx()));
        assertEquals(Poll.ready("x"), f2.poll(w2.cx()));
        b.send("y");
        assertEquals(1, w1.wakes(), "a completed recv is not woken again");
    }

    @Test
    void rePolledRecvWakesTheLatestWaker() {
        Broadcast<String> b = new Broadcast<>(2);
        Broadcast.Receiver<String> r = b.subscribe();
        Future<String> f = r.recv();
        TestWaker old = new TestWaker(), latest = new TestWaker();
        f.poll(old.cx());
        f.poll(latest.cx());
        b.send("x");
        assertEquals(0, old.wakes());
        assertEquals(1, latest.wakes());
    }

    @Test
    void cancelledRecvTakesNothingAndIsNotWoken() {
        Broadcast<String> b = new Broadcast<>(2);
        Broadcast.Receiver<String> r = b.subscribe();
        Future<String> loser = r.recv();
        TestWaker w = new TestWaker();
        assertTrue(loser.poll(w.cx()).isPending());
        loser.cancel();
        b.send("kept");
        assertEquals(0, w.wakes(), "cancel left the wait queue");
        assertThrows(CancellationException.class, () -> loser.poll(w.cx()));
        assertEquals("kept", ready(r.recv()), "the message is still there for the next recv");
    }

    @Test
    void cancellingAReadyRecvBeforeItsPollTakesNothing() {
        Broadcast<String> b = new Broadcast<>(2);
        Broadcast.Receiver<String> r = b.subscribe();
        b.send("m");
        Future<String> f = r.recv();
        f.cancel();
        assertThrows(CancellationException.class, () -> TestWaker.pollOnce(f));
        assertEquals("m", ready(r.recv()));
    }

    @Test
    void closeLetsReceiversDrainThenEndsTheStream() {
        Broadcast<String> b = new Broadcast<>(4);
        Broadcast.Receiver<String> r = b.subscribe();
        Broadcast.Receiver<String> waiting = b.subscribe();
        b.send("last");
        Future<String> pending = waiting.recv();
        assertEquals("last", ready(pending));
        Future<String> end = waiting.recv();
        TestWaker w = new TestWaker();
        assertTrue(end.poll(w.cx()).isPending());
        b.close();
        assertEquals(1, w.wakes(), "close wakes the waiting receivers");
        assertEquals(Poll.ready(null), end.poll(w.cx()));
        assertEquals("last", ready(r.recv()), "kept messages are still delivered after close");
        assertNull(ready(r.recv()));
        ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> b.send("late"));
        assertEquals("late", e.undelivered());
        assertTrue(b.isClosed());
        b.close(); // idempotent
    }

    @Test
    void closedReceiverIsNotCountedAndCannotReceive() {
        Broadcast<String> b = new Broadcast<>(4);
        Broadcast.Receiver<String> a = b.subscribe(), c = b.subscribe();
        a.close();
        a.close();
        assertEquals(1, b.receiverCount());
        assertEquals(1, b.send("x"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestWaker.pollOnce(a.recv()));
        assertTrue(e.getMessage().contains("closed Broadcast.Receiver"), e.getMessage());
        assertEquals("x", ready(c.recv()));
    }

    @Test
    void spentBudgetTakesNoMessage() {
        Broadcast<String> b = new Broadcast<>(2);
        Broadcast.Receiver<String> r = b.subscribe();
        b.send("x");
        TestWaker w = new TestWaker();
        Context cx = Context.withBudget(w, 1);
        cx.consumeBudget();
        Future<String> f = r.recv();
        assertTrue(f.poll(cx).isPending());
        assertEquals(1, w.wakes(), "yielding wakes the task");
        assertEquals(1, r.pending(), "nothing was taken");
        cx.refillBudget(1);
        assertEquals(Poll.ready("x"), f.poll(cx));
        assertEquals(0, cx.budgetRemaining());
    }

    @Test
    void wakersAreCalledOutsideTheLock() throws Exception {
        Broadcast<String> b = new Broadcast<>(2);
        Broadcast.Receiver<String> r = b.subscribe();
        AtomicBoolean otherThreadGotIn = new AtomicBoolean();
        // A waker that needs another thread to take the channel's lock before it returns: it would
        // deadlock (detected by the join timeout) if send woke it while holding the lock.
        Waker needsTheLock = () -> {
            Thread t = new Thread(() -> {
                b.receiverCount();
                otherThreadGotIn.set(true);
            });
            t.start();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        assertTrue(r.recv().poll(Context.of(needsTheLock)).isPending());
        b.send("x");
        assertTrue(otherThreadGotIn.get(), "the waker ran while send held the lock");
    }

    @Test
    void badInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Broadcast<String>(0));
        assertTrue(e.getMessage().contains("must be positive, got 0"), e.getMessage());
        Broadcast<String> b = new Broadcast<>(1);
        NullPointerException npe = assertThrows(NullPointerException.class, () -> b.send(null));
        assertEquals("message", npe.getMessage());
    }

    /**
     * 4 senders x 5,000 messages, 4 receivers polling by hand on their own threads, all started on
     * a latch. Per sender, every receiver sees that sender's messages in increasing order, and
     * received + skipped accounts for every message sent. With a ring larger than the total
     * nothing may be skipped; with a small ring, receivers lag and must be told exactly how much.
     */
    @ParameterizedTest
    @ValueSource(ints = {20_000, 64})
    void contendedSendersAndReceiversLoseNothingSilently(int capacity) throws Exception {
        int senders = 4, receivers = 4, perSender = 5_000, total = senders * perSender;
        for (int round = 0; round < 3; round++) {
            Broadcast<long[]> b = new Broadcast<>(capacity);
            List<Broadcast.Receiver<long[]>> rxs = new ArrayList<>();
            for (int i = 0; i < receivers; i++) rxs.add(b.subscribe());
            CountDownLatch start = new CountDownLatch(1);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            long[] received = new long[receivers];
            long[] skipped = new long[receivers];
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < perSender; i++) b.send(new long[] {sender, i});
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            for (int r = 0; r < receivers; r++) {
                int me = r;
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                        TestWaker w = new TestWaker();
                        long[] lastSeen = {-1, -1, -1, -1};
                        while (received[me] + skipped[me] < total) {
                            try {
                                long[] m = w.blockOn(rxs.get(me).recv());
                                int from = (int) m[0];
                                if (m[1] <= lastSeen[from]) {
                                    throw new AssertionError("sender " + from + ": " + m[1] + " after " + lastSeen[from]);
                                }
                                lastSeen[from] = m[1];
                                received[me]++;
                            } catch (Broadcast.LaggedException lag) {
                                skipped[me] += lag.skipped();
                            }
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            threads.forEach(Thread::start);
            start.countDown();
            for (Thread t : threads) t.join(30_000);
            for (Thread t : threads) assertFalse(t.isAlive(), "stuck thread " + t);
            if (!failures.isEmpty()) {
                AssertionError e = new AssertionError(failures.size() + " thread(s) failed");
                failures.forEach(e::addSuppressed);
                throw e;
            }
            for (int r = 0; r < receivers; r++) {
                assertEquals(total, received[r] + skipped[r], "receiver " + r + " accounts for every message");
                if (capacity >= total) assertEquals(0, skipped[r], "nothing is overwritten in a ring this large");
            }
            assertEquals(0, b.retained(), "every receiver has read everything: no message is kept");
        }
    }

    /**
     * Cancel safety under contention: 2 senders x 5,000 messages while a receiver thread, like the
     * loser of a select, polls each recv once or twice and then cancels about half of them. Every
     * message is still received exactly once, in per-sender order (ring large enough: no lag).
     */
    @Test
    void recvsCancelledWhileSendersRaceLoseNothing() throws Exception {
        int senders = 2, perSender = 5_000, total = senders * perSender;
        for (int round = 0; round < 3; round++) {
            Broadcast<long[]> b = new Broadcast<>(total);
            Broadcast.Receiver<long[]> rx = b.subscribe();
            CountDownLatch start = new CountDownLatch(1);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < perSender; i++) b.send(new long[] {sender, i});
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            int[] received = new int[1];
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    java.util.concurrent.ThreadLocalRandom rnd = java.util.concurrent.ThreadLocalRandom.current();
                    long[] last = {-1, -1};
                    TestWaker w = new TestWaker();
                    while (received[0] < total) {
                        Future<long[]> f = rx.recv();
                        Poll<long[]> p = f.poll(w.cx());
                        if (p.isPending() && rnd.nextBoolean()) p = f.poll(w.cx());
                        if (p.isPending() && rnd.nextBoolean()) {
                            f.cancel();
                            assertThrows(CancellationException.class, () -> f.poll(w.cx()));
                            continue;
                        }
                        long[] m = p.isReady() ? p.value() : w.blockOn(f);
                        int from = (int) m[0];
                        if (m[1] != last[from] + 1) throw new AssertionError("sender " + from + ": " + m[1] + " after " + last[from]);
                        last[from] = m[1];
                        received[0]++;
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
            threads.forEach(Thread::start);
            start.countDown();
            for (Thread t : threads) t.join(30_000);
            for (Thread t : threads) assertFalse(t.isAlive(), "stuck thread " + t);
            if (!failures.isEmpty()) {
                AssertionError e = new AssertionError(failures.size() + " thread(s) failed");
                failures.forEach(e::addSuppressed);
                throw e;
            }
            assertEquals(total, received[0]);
            assertTrue(TestWaker.pollOnce(rx.recv()).isPending(), "nothing extra");
        }
    }

    @RepeatedTest(20)
    void sendRacingWithARegisteringRecvNeverLosesTheWake() throws Exception {
        Broadcast<Integer> b = new Broadcast<>(4);
        Broadcast.Receiver<Integer> r = b.subscribe();
        CountDownLatch start = new CountDownLatch(1);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Thread sender = new Thread(() -> {
            try {
                start.await();
                b.send(42);
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        sender.start();
        TestWaker w = new TestWaker();
        start.countDown();
        assertEquals(42, w.blockOn(r.recv())); // fails after 10 s if the wake was lost
        sender.join();
        assertTrue(failures.isEmpty(), failures::toString);
    }
}
