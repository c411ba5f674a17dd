package dev.ratchet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.waker.TestWaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BroadcastTest {
    @Test
    void everyReceiverGetsEveryMessageInOrder() {
        Broadcast<String> b = Broadcast.create(8);
        Broadcast.Receiver<String> second = b.sender().subscribe();
        assertEquals(2, b.sender().send("a"));
        b.sender().send("b");
        for (Broadcast.Receiver<String> rx : List.of(b.receiver(), second)) {
            assertEquals("a", rx.tryRecv());
            assertEquals(Poll.ready("b"), rx.recv().poll(new TestWaker().cx()));
            assertNull(rx.tryRecv());
        }
    }

    @Test
    void aLaterSubscriberSeesOnlyLaterMessages() {
        Broadcast<String> b = Broadcast.create(8);
        b.sender().send("before");
        Broadcast.Receiver<String> late = b.sender().subscribe();
        b.sender().send("after");
        assertEquals("after", late.tryRecv());
        assertEquals("before", b.receiver().tryRecv());
    }

    @Test
    void pendingReceiversAreAllWokenBySend() {
        Broadcast<String> b = Broadcast.create(2);
        Broadcast.Receiver<String> second = b.sender().subscribe();
        Future<String> r1 = b.receiver().recv(), r2 = second.recv();
        TestWaker w1 = new TestWaker(), w2 = new TestWaker();
        assertTrue(r1.poll(w1.cx()).isPending());
        assertTrue(r2.poll(w2.cx()).isPending());
        b.sender().send("x");
        assertEquals(1, w1.wakes());
        assertEquals(1, w2.wakes());
        assertEquals(Poll.ready("x"), r1.poll(w1.cx()));
        assertEquals(Poll.ready("x"), r2.poll(w2.cx()));
    }

    @Test
    void laggingReceiverIsToldHowManyItMissedThenContinuesFromTheOldestKept() {
        Broadcast<Integer> b = Broadcast.create(2);
        for (int i = 0; i < 5; i++) b.sender().send(i);
        LaggedException e = assertThrows(LaggedException.class, () -> b.receiver().tryRecv());
        assertEquals(3, e.missed());
        assertTrue(e.getMessage().contains("3 message(s)"));
        assertEquals(3, b.receiver().tryRecv());
        assertEquals(4, b.receiver().tryRecv());
        assertNull(b.receiver().tryRecv());
    }

    @Test
    void sendWithNoReceiverReturnsZeroAndKeepsNothing() {
        Broadcast<String> b = Broadcast.create(2);
        b.receiver().close();
        assertEquals(0, b.sender().send("nobody"));
        Broadcast.Receiver<String> later = b.sender().subscribe();
        assertNull(later.tryRecv());
        assertThrows(IllegalStateException.class, () -> b.receiver().recv());
    }

    @Test
    void streamEndsWhenEverySenderClosedAfterDraining() {
        Broadcast<String> b = Broadcast.create(4);
        Broadcast.Sender<String> tx2 = b.sender().copy();
        b.sender().send("last");
        b.sender().close();
        assertEquals("last", b.receiver().tryRecv());
        Future<String> r = b.receiver().recv();
        TestWaker w = new TestWaker();
        assertTrue(r.poll(w.cx()).isPending(), "tx2 is open");
        tx2.close();
        assertEquals(1, w.wakes());
        assertEquals(Poll.ready(null), r.poll(w.cx()));
        assertThrows(ChannelClosedException.class, () -> tx2.send("late"));
    }

    @Test
    void cancelledRecvTakesNothing() {
        Broadcast<String> b = Broadcast.create(4);
        Future<String> r = b.receiver().recv();
        TestWaker w = new TestWaker();
        r.poll(w.cx());
        r.cancel();
        b.sender().send("x");
        assertEquals(0, w.wakes(), "the cancelled recv left the queue");
        assertThrows(CancellationException.class, () -> r.poll(w.cx()));
        assertEquals("x", b.receiver().tryRecv());
    }

    @Test
    void badInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Broadcast.create(0)).getMessage().contains(">= 1"));
        assertEquals("message", assertThrows(NullPointerException.class, () -> Broadcast.<String>create(1).sender().send(null)).getMessage());
    }

    /**
     * 2 producers x 20_000 messages, 3 receivers on their own threads: each receiver sees each
     * producer's messages in order, and received + reported-missed equals everything sent.
     */
    @Test
    void concurrentReceiversSeeOrderedMessagesAndAccountForEveryLoss() throws Exception {
        int producers = 2, perProducer = 20_000, receivers = 3;
        Broadcast<Long> b = Broadcast.create(64);
        List<Broadcast.Receiver<Long>> rxs = new ArrayList<>();
        rxs.add(b.receiver());
        for (int i = 1; i < receivers; i++) rxs.add(b.sender().subscribe());
        Broadcast.Sender<Long> tx2 = b.sender().copy();
        List<Broadcast.Sender<Long>> txs = List.of(b.sender(), tx2);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        long[] accounted = new long[receivers];
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            long id = p;
            Broadcast.Sender<Long> tx = txs.get(p);
            threads.add(new Thread(() -> {
                try (tx) {
                    start.await();
                    for (long seq = 0; seq < perProducer; seq++) {
                        tx.send((id << 32) | seq);
                        if ((seq & 255) == 0) Thread.yield();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (int r = 0; r < receivers; r++) {
            int idx = r;
            Broadcast.Receiver<Long> rx = rxs.get(r);
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    TestWaker w = new TestWaker();
                    long[] last = {-1, -1};
                    long count = 0;
                    while (true) {
                        Long m;
                        try {
                            m = w.blockOn(rx.recv());
                        } catch (LaggedException e) {
                            count += e.missed();
                            continue;
                        }
                        if (m == null) break;
                        int p = (int) (m >>> 32);
                        long seq = m & 0xffff_ffffL;
                        if (seq <= last[p]) throw new AssertionError("producer " + p + " out of order: " + seq + " after " + last[p]);
                        last[p] = seq;
                        count++;
                        while (w.takeWake()) { }
                    }
                    accounted[idx] = count;
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) t.join();
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
        for (int r = 0; r < receivers; r++) {
            assertEquals((long) producers * perProducer, accounted[r], "receiver " + r + ": received + missed");
        }
    }
}
