package dev.ratchet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChannelTest {
    private static <T> Channel<T> channel(int capacity) {
        return capacity == 0 ? Channel.unbounded() : Channel.bounded(capacity);
    }

    /**
     * 4 producers x 50_000 messages, one consumer thread, random yields, a mix of send and
     * trySend / recv and tryRecv, and random cancellation of pending sends (then retried) and
     * recvs: every message arrives exactly once, each producer's in order, and the stream ends
     * once all producers closed. (capacity 0 stands for unbounded)
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 16, 0})
    void fourProducersExactlyOnceAndPerSenderFifo(int capacity) throws Exception {
        int producers = 4;
        int perProducer = 50_000;
        Channel<Long> ch = channel(capacity);
        List<Channel.Sender<Long>> senders = new ArrayList<>();
        senders.add(ch.sender());
        for (int i = 1; i < producers; i++) senders.add(ch.sender().copy());
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            long id = p;
            Channel.Sender<Long> tx = senders.get(p);
            threads.add(new Thread(() -> {
                try (tx) {
                    start.await();
                    TestWaker w = new TestWaker();
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    for (long seq = 0; seq < perProducer; seq++) {
                        long msg = (id << 32) | seq;
                        if (rnd.nextInt(4) == 0 && tx.trySend(msg)) continue;
                        if (!sendOrCancel(tx.send(msg), w, rnd.nextInt(8) == 0)) {
                            seq--; // cancelled while waiting: not sent, so send it again
                            continue;
                        }
                        if (rnd.nextInt(64) == 0) Thread.yield();
                        while (w.takeWake()) { }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "producer-" + p));
        }
        long[] nextSeq = new long[producers];
        long[] received = {0};
        threads.add(new Thread(() -> {
            try {
                start.await();
                TestWaker w = new TestWaker();
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (true) {
                    Long m = rnd.nextInt(4) == 0 ? ch.receiver().tryRecv() : null;
                    if (m == null) {
                        Future<Long> r = ch.receiver().recv();
                        Poll<Long> p = r.poll(w.cx());
                        if (p.isPending() && rnd.nextInt(8) == 0) {
                            r.cancel(); // takes nothing: the next recv must see every message
                            expectCancelled(r, w);
                            continue;
                        }
                        m = p.isReady() ? p.value() : w.blockOn(r);
                    }
                    if (m == null) break; // end of stream
                    int p = (int) (m >>> 32);
                    long seq = m & 0xffff_ffffL;
                    if (seq != nextSeq[p]) throw new AssertionError("producer " + p + ": got seq " + seq + ", expected " + nextSeq[p]);
                    nextSeq[p]++;
                    received[0]++;
                    if (rnd.nextInt(64) == 0) Thread.yield();
                    while (w.takeWake()) { }
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        }, "consumer"));
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) t.join();
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
        assertEquals((long) producers * perProducer, received[0]);
        for (int p = 0; p < producers; p++) assertEquals(perProducer, nextSeq[p], "producer " + p);
        assertTrue(ch.receiver().isTerminated());
    }

    /** Drives a send to the end, or (if {@code cancel} and it is pending) cancels it; returns whether it was sent. */
    private static boolean sendOrCancel(Future<Void> send, TestWaker w, boolean cancel) throws InterruptedException {
        if (send.poll(w.cx()).isReady()) return true;
        if (cancel) {
            send.cancel();
            expectCancelled(send, w);
            return false;
        }
        w.blockOn(send);
        return true;
    }

    private static void expectCancelled(Future<?> f, TestWaker w) {
        try {
            f.poll(w.cx());
        } catch (CancellationException expected) {
            return;
        }
        throw new AssertionError("poll after cancel must throw CancellationException");
    }

    @Test
    void boundedAppliesBackpressure() {
        Channel<String> ch = Channel.bounded(2);
        Channel.Sender<String> tx = ch.sender();
        assertTrue(tx.trySend("a"));
        assertTrue(tx.trySend("b"));
        assertFalse(tx.trySend("c"), "full");
        Future<Void> send = tx.send("c");
        TestWaker w = new TestWaker();
        assertTrue(send.poll(w.cx()).isPending(), "full: the send waits");
        assertEquals("a", ch.receiver().tryRecv());
        assertEquals(1, w.wakes(), "space freed: the waiting sender is woken");
        assertTrue(send.poll(w.cx()).isReady());
        assertEquals("b", ch.receiver().tryRecv());
        assertEquals("c", ch.receiver().tryRecv());
        assertNull(ch.receiver().tryRecv());
    }

    @Test
    void waitingSendersAreServedFifoAndTrySendDoesNotBarge() {
        Channel<String> ch = Channel.bounded(1);
        Channel.Sender<String> tx = ch.sender();
        assertTrue(tx.trySend("0"));
        List<Future<Void>> sends = new ArrayList<>();
        List<TestWaker> ws = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Future<Void> f = tx.send(String.valueOf(i));
            TestWaker w = new TestWaker();
            assertTrue(f.poll(w.cx()).isPending());
            sends.add(f);
            ws.add(w);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(String.valueOf(i), ch.receiver().tryRecv());
            assertFalse(tx.trySend("barger"), "the freed slot belongs to waiting sender " + (i + 1));
            assertEquals(1, ws.get(i).wakes());
            for (int j = i + 1; j < 3; j++) assertEquals(0, ws.get(j).wakes());
            assertTrue(sends.get(i).poll(ws.get(i).cx()).isReady());
        }
        assertEquals("3", ch.receiver().tryRecv());
    }

    @Test
    void recvWaitsThenIsWokenBySend() {
        Channel<String> ch = Channel.unbounded();
        Future<String> r = ch.receiver().recv();
        TestWaker w = new TestWaker();
        assertTrue(r.poll(w.cx()).isPending());
        assertTrue(ch.sender().trySend("x"));
        assertEquals(1, w.wakes());
        assertEquals(Poll.ready("x"), r.poll(w.cx()));
    }

    @Test
    void streamEndsAfterEverySenderClosedAndTheBufferDrained() {
        Channel<String> ch = Channel.bounded(4);
        Channel.Sender<String> tx2 = ch.sender().copy();
        ch.sender().trySend("a");
        tx2.trySend("b");
        ch.sender().close();
        ch.sender().close(); // idempotent: does not count twice
        TestWaker w = new TestWaker();
        assertEquals(Poll.ready("a"), ch.receiver().recv().poll(w.cx()));
        assertEquals(Poll.ready("b"), ch.receiver().recv().poll(w.cx()));
        Future<String> r = ch.receiver().recv();
        assertTrue(r.poll(w.cx()).isPending(), "tx2 is still open");
        assertFalse(ch.receiver().isTerminated());
        tx2.close();
        assertEquals(1, w.wakes(), "closing the last sender wakes the receiver");
        assertEquals(Poll.ready(null), r.poll(w.cx()), "end of stream is null");
        assertTrue(ch.receiver().isTerminated());
        assertEquals(Poll.ready(null), ch.receiver().recv().poll(w.cx()), "and stays ended");
    }

    @Test
    void sendAfterReceiverClosedFailsReturningTheMessage() {
        for (Channel<String> ch : List.of(Channel.<String>bounded(2), Channel.<String>unbounded())) {
            ch.receiver().close();
            assertTrue(ch.sender().isReceiverClosed());
            ChannelClosedException e = assertThrows(ChannelClosedException.class,
                    () -> ch.sender().send("m").poll(new TestWaker().cx()));
            assertEquals("m", e.undelivered());
            assertTrue(e.getMessage().contains("receiver is closed"), e.getMessage());
            ChannelClosedException t = assertThrows(ChannelClosedException.class, () -> ch.sender().trySend("n"));
            assertEquals("n", t.undelivered());
        }
    }

    @Test
    void closingTheReceiverFailsWaitingSendersAndLeavesTheBufferDrainable() {
        Channel<String> ch = Channel.bounded(1);
        ch.sender().trySend("kept");
        Future<Void> waiting = ch.sender().send("refused");
        TestWaker w = new TestWaker();
        assertTrue(waiting.poll(w.cx()).isPending());
        ch.receiver().close();
        assertEquals(1, w.wakes(), "the waiting sender is woken to fail");
        ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> waiting.poll(w.cx()));
        assertSame("refused", e.undelivered());
        assertEquals("kept", ch.receiver().tryRecv());
        assertTrue(ch.receiver().isTerminated());
        assertEquals(Poll.ready(null), ch.receiver().recv().poll(w.cx()));
    }

    @Test
    void closingTheReceiverWakesAPendingRecvWhichSeesTheEnd() {
        Channel<String> ch = Channel.unbounded();
        Future<String> r = ch.receiver().recv();
        TestWaker w = new TestWaker();
        assertTrue(r.poll(w.cx()).isPending());
        ch.receiver().close();
        assertEquals(1, w.wakes());
        assertEquals(Poll.ready(null), r.poll(w.cx()));
    }

    @Test
    void cancelledRecvTakesNoMessage() {
        Channel<String> ch = Channel.unbounded();
        Future<String> r = ch.receiver().recv();
        TestWaker w = new TestWaker();
        assertTrue(r.poll(w.cx()).isPending());
        r.cancel();
        ch.sender().trySend("x");
        assertThrows(CancellationException.class, () -> r.poll(w.cx()));
        assertEquals(Poll.ready("x"), ch.receiver().recv().poll(w.cx()), "the message waited for the next recv");
    }

    @Test
    void cancelledPendingSendIsNotSentAndFreesItsPlace() {
        Channel<String> ch = Channel.bounded(1);
        Channel.Sender<String> tx = ch.sender();
        tx.trySend("a");
        Future<Void> b = tx.send("b");
        TestWaker wb = new TestWaker();
        assertTrue(b.poll(wb.cx()).isPending());
        b.cancel();
        assertThrows(CancellationException.class, () -> b.poll(wb.cx()));
        assertEquals("a", ch.receiver().tryRecv());
        assertEquals(0, wb.wakes(), "the cancelled sender left the queue");
        assertNull(ch.receiver().tryRecv(), "b was not sent");
        assertTrue(tx.trySend("c"));
    }

    @Test
    void cancellingASendThatWasGrantedSpaceGivesTheSpaceBack() {
        Channel<String> ch = Channel.bounded(1);
        Channel.Sender<String> tx = ch.sender();
        tx.trySend("a");
        Future<Void> b = tx.send("b");
        Future<Void> c = tx.send("c");
        TestWaker wb = new TestWaker(), wc = new TestWaker();
        b.poll(wb.cx());
        c.poll(wc.cx());
        assertEquals("a", ch.receiver().tryRecv());
        assertEquals(1, wb.wakes(), "b was granted the slot");
        b.cancel();
        assertEquals(1, wc.wakes(), "the slot passed to c");
        assertTrue(c.poll(wc.cx()).isReady());
        assertEquals("c", ch.receiver().tryRecv());
        assertNull(ch.receiver().tryRecv());
    }

    @Test
    void spentBudgetTakesNoMessage() {
        Channel<String> ch = Channel.unbounded();
        ch.sender().trySend("x");
        TestWaker w = new TestWaker();
        Context cx = Context.withBudget(w, 1);
        cx.consumeBudget();
        Future<String> r = ch.receiver().recv();
        assertTrue(r.poll(cx).isPending());
        assertEquals(1, w.wakes());
        assertEquals(1, ch.receiver().size(), "the message is still buffered");
        cx.refillBudget(1);
        assertEquals(Poll.ready("x"), r.poll(cx));
        assertEquals(0, cx.budgetRemaining());
    }

    @Test
    void closedSenderHandleRefusesAndCannotBeCopied() {
        Channel<String> ch = Channel.unbounded();
        Channel.Sender<String> extra = ch.sender().copy();
        Future<Void> late = extra.send("late");
        extra.close();
        ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> late.poll(new TestWaker().cx()));
        assertEquals("late", e.undelivered());
        assertThrows(ChannelClosedException.class, () -> extra.trySend("x"));
        assertThrows(IllegalStateException.class, extra::copy);
        assertFalse(ch.receiver().isTerminated(), "the first sender is still open");
    }

    @Test
    void badInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Channel.bounded(0));
        assertTrue(e.getMessage().contains(">= 1") && e.getMessage().contains("Oneshot"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Channel.bounded(-3));
        Channel<String> ch = Channel.bounded(1);
        assertEquals("message", assertThrows(NullPointerException.class, () -> ch.sender().send(null)).getMessage());
        assertEquals("message", assertThrows(NullPointerException.class, () -> ch.sender().trySend(null)).getMessage());
    }

    @Test
    void rePolledRecvWakesTheNewWaker() {
        Channel<String> ch = Channel.unbounded();
        Future<String> r = ch.receiver().recv();
        TestWaker old = new TestWaker(), fresh = new TestWaker();
        r.poll(old.cx());
        r.poll(fresh.cx());
        ch.sender().trySend("x");
        assertEquals(0, old.wakes());
        assertEquals(1, fresh.wakes());
    }

    @Test
    void waitingSenderIsWokenWithinTheDeadlineFromAnotherThread() throws Exception {
        Channel<Integer> ch = Channel.bounded(1);
        ch.sender().trySend(1);
        Future<Void> s = ch.sender().send(2);
        TestWaker w = new TestWaker();
        assertTrue(s.poll(w.cx()).isPending());
        Thread t = new Thread(() -> ch.receiver().tryRecv());
        t.start();
        assertTrue(w.awaitWake(Duration.ofSeconds(5)));
        assertTrue(s.poll(w.cx()).isReady());
        t.join();
    }
}
