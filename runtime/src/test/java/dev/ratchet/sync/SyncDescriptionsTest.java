package dev.ratchet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Waker;
import dev.ratchet.testsupport.Concurrent;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a task dump prints for a future waiting on a sync primitive: the operation and the
 * primitive's state, read without its lock.
 */
class SyncDescriptionsTest {
    private final Context cx = Context.of(Waker.noop());

    @Test
    void channelRecvSaysWhatTheChannelHoldsAndWhoCanStillSend() {
        Channel<String> ch = Channel.bounded(1);
        Future<String> recv = ch.receiver().recv();
        assertTrue(recv.poll(cx).isPending());
        assertEquals("Channel.recv() on bounded(1) channel: 0 queued, 1 sender open", recv.toString());

        Channel.Sender<String> second = ch.sender().copy();
        assertEquals("Channel.recv() on bounded(1) channel: 0 queued, 2 senders open", recv.toString());
        second.close();
        ch.sender().close();
        assertEquals("Channel.recv() on bounded(1) channel: 0 queued, 0 senders open", recv.toString());

        Channel<Integer> unbounded = Channel.unbounded();
        for (int i = 0; i < 3; i++) unbounded.sender().trySend(i);
        assertEquals("Channel.recv() on unbounded channel: 3 queued, 1 sender open", unbounded.receiver().recv().toString());
        unbounded.receiver().close();
        assertEquals("Channel.recv() on unbounded channel: 3 queued, receiver closed", unbounded.receiver().recv().toString());
    }

    @Test
    void channelSendWaitingForCapacitySaysSoAndCountsTheWaitingSends() {
        Channel<String> ch = Channel.bounded(1);
        assertTrue(ch.sender().trySend("a"));
        Future<Void> first = ch.sender().send("b");
        assertEquals("Channel.send() on bounded(1) channel: 1 queued, 1 sender open", first.toString(), "not polled yet");

        assertTrue(first.poll(cx).isPending());
        assertEquals("Channel.send() waiting for capacity on bounded(1) channel: 1 queued, 1 sender open (1 send waiting)",
                first.toString());
        Future<Void> second = ch.sender().send("c");
        assertTrue(second.poll(cx).isPending());
        assertEquals("Channel.send() waiting for capacity on bounded(1) channel: 1 queued, 1 sender open (2 sends waiting)",
                second.toString());

        assertEquals("a", ch.receiver().tryRecv()); // the slot goes to the first waiting send
        assertEquals("Channel.send() on bounded(1) channel: 0 queued, 1 sender open", first.toString(), "granted");
        assertEquals("Channel.send() on unbounded channel: 0 queued, 1 sender open",
                Channel.<String>unbounded().sender().send("x").toString());
    }

    @Test
    void oneshotRecvSaysWhetherAValueCanStillCome() {
        Oneshot<String> waiting = Oneshot.create();
        assertTrue(waiting.receiver().poll(cx).isPending());
        assertEquals("Oneshot.recv() (nothing sent yet, sender open)", waiting.receiver().toString());
        waiting.sender().send("v");
        assertEquals("Oneshot.recv() (value sent)", waiting.receiver().toString());

        Oneshot<String> abandoned = Oneshot.create();
        abandoned.sender().close();
        assertEquals("Oneshot.recv() (sender closed without sending)", abandoned.receiver().toString());

        Oneshot<String> cancelled = Oneshot.create();
        cancelled.receiver().cancel();
        assertEquals("Oneshot.recv() (cancelled)", cancelled.receiver().toString());
    }

    @Test
    void broadcastRecvCountsUnreadMessagesSendersAndReceivers() {
        Broadcast<String> bus = Broadcast.create(64);
        Future<String> first = bus.receiver().recv();
        assertTrue(first.poll(cx).isPending());
        assertEquals("Broadcast.recv() on broadcast(64): 0 unread, 1 sender open, 1 receiver", first.toString());

        Broadcast.Receiver<String> late = bus.sender().subscribe();
        Broadcast.Sender<String> second = bus.sender().copy();
        bus.sender().send("a");
        bus.sender().send("b");
        assertEquals("Broadcast.recv() on broadcast(64): 2 unread, 2 senders open, 2 receivers", late.recv().toString());
        second.close();
        assertEquals("Broadcast.recv() on broadcast(64): 2 unread, 1 sender open, 2 receivers", late.recv().toString());
    }

    @Test
    void mutexLockSaysTheLockIsHeldAndHowManyWait() {
        Mutex<String> m = new Mutex<>("v");
        Mutex.Guard<String> held = m.tryLock();
        Future<Mutex.Guard<String>> first = m.lock();
        assertEquals("Mutex.lock() (not polled yet; held, 0 waiting)", first.toString());
        assertTrue(first.poll(cx).isPending());
        assertEquals("Mutex.lock() (held, 1 waiting)", first.toString());
        Future<Mutex.Guard<String>> second = m.lock();
        assertTrue(second.poll(cx).isPending());
        assertEquals("Mutex.lock() (held, 2 waiting)", second.toString());

        held.close(); // hands the lock to the first waiter
        assertEquals("Mutex.lock() (granted, not yet taken; held, 1 waiting)", first.toString());
        Mutex.Guard<String> g = first.poll(cx).value();
        assertEquals("Mutex.lock() (acquired; held, 1 waiting)", first.toString());
        second.cancel();
        assertEquals("Mutex.lock() (cancelled; held, 0 waiting)", second.toString());
        g.close();
        assertEquals("Mutex.lock() (acquired; free, 0 waiting)", first.toString());
    }

    @Test
    void semaphoreAcquireSaysHowManyPermitsAreFreeOfHowMany() {
        Semaphore s = new Semaphore(4);
        Semaphore.Permit three = s.tryAcquire(3);
        assertNotNull(three);
        Future<Semaphore.Permit> two = s.acquire(2);
        assertEquals("Semaphore.acquire(2) (not polled yet; 1 of 4 permits free, 0 waiting)", two.toString());

        assertTrue(two.poll(cx).isPending()); // at the head: takes the free permit, waits for one more
        assertEquals("Semaphore.acquire(2) (1 of 2 assigned; 0 of 4 permits free, 1 waiting)", two.toString());
        Future<Semaphore.Permit> one = s.acquire();
        assertTrue(one.poll(cx).isPending());
        assertEquals("Semaphore.acquire(1) (0 of 4 permits free, 2 waiting)", one.toString());

        s.release(3); // more permits in all: the total grows
        assertEquals("Semaphore.acquire(2) (granted, not yet taken; 1 of 7 permits free, 0 waiting)", two.toString());
        three.close(); // giving permits back does not change the total
        assertEquals("Semaphore.acquire(1) (granted, not yet taken; 4 of 7 permits free, 0 waiting)", one.toString());
    }

    @Test
    void acquireMessagesNameTheOperation() {
        Semaphore s = new Semaphore(0);
        Future<Semaphore.Permit> two = s.acquire(2);
        two.cancel();
        assertEquals("Semaphore.acquire(2) cancelled",
                assertThrows(CancellationException.class, () -> two.poll(cx)).getMessage());
        Mutex<String> m = new Mutex<>("v");
        Future<Mutex.Guard<String>> lock = m.lock();
        lock.poll(cx).value().close();
        assertEquals("Mutex.lock() polled after it completed",
                assertThrows(IllegalStateException.class, () -> lock.poll(cx)).getMessage());
    }

    @Test
    void notifiedSaysWhetherItWaitsOrWasNotified() {
        Notify n = new Notify();
        Future<Void> first = n.notified();
        assertEquals("Notify.notified() (not polled yet, 0 waiters in all)", first.toString());
        assertTrue(first.poll(cx).isPending());
        assertEquals("Notify.notified() (waiting, 1 waiter in all)", first.toString());
        Future<Void> second = n.notified();
        assertTrue(second.poll(cx).isPending());
        assertEquals("Notify.notified() (waiting, 2 waiters in all)", second.toString());

        n.notifyOne();
        assertEquals("Notify.notified() (notified, not yet polled, 1 waiter in all)", first.toString());
        assertTrue(first.poll(cx).isReady());
        assertEquals("Notify.notified() (complete, 1 waiter in all)", first.toString());
        second.cancel();
        assertEquals("Notify.notified() (cancelled, 0 waiters in all)", second.toString());
    }

    /**
     * The descriptions read the primitives without their locks while other threads change them:
     * they must never throw or wait. 2 threads push and pop an unbounded channel (its buffer
     * resizes) and lock and unlock a mutex, 1 thread prints pending futures on both; 300 rounds of
     * 2,000 operations per thread.
     */
    @Test
    void describingWhileOtherThreadsUseThePrimitiveNeverFails() throws InterruptedException {
        Pattern recv = Pattern.compile("Channel\\.recv\\(\\) on unbounded channel: \\d+ queued, 1 sender open");
        Pattern lock = Pattern.compile("Mutex\\.lock\\(\\) \\(not polled yet; (held|free), \\d+ waiting\\)");
        for (int round = 0; round < 300; round++) {
            Channel<Integer> ch = Channel.unbounded();
            Mutex<Integer> m = new Mutex<>(0);
            Future<Integer> pendingRecv = ch.receiver().recv();
            Future<Mutex.Guard<Integer>> pendingLock = m.lock();
            AtomicBoolean done = new AtomicBoolean();

            Concurrent.run(3, thread -> {
                if (thread == 2) {
                    do {
                        String r = pendingRecv.toString();
                        assertTrue(recv.matcher(r).matches(), r);
                        String l = pendingLock.toString();
                        assertTrue(lock.matcher(l).matches(), l);
                    } while (!done.get());
                    return;
                }
                try {
                    for (int i = 0; i < 2000; i++) {
                        if (thread == 0) ch.sender().trySend(i);
                        else ch.receiver().tryRecv();
                        Mutex.Guard<Integer> g = m.tryLock();
                        if (g != null) g.close();
                    }
                } finally {
                    if (thread == 0) done.set(true);
                }
            });
        }
    }
}
