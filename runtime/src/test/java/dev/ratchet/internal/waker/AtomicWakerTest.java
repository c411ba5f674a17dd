package dev.ratchet.internal.waker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AtomicWakerTest {
    @Test
    void wakeWakesTheLatestRegisteredWakerOnce() {
        AtomicWaker cell = new AtomicWaker();
        TestWaker a = new TestWaker();
        TestWaker b = new TestWaker();
        cell.register(a);
        cell.register(b);
        cell.wake();
        cell.wake(); // taken already: nothing
        assertEquals(0, a.wakes());
        assertEquals(1, b.wakes());
        assertNull(cell.take());
        cell.register(a);
        assertSame(a, cell.take());
    }

    /**
     * The pattern of every resource: the poller registers, then checks a flag; the waker sets the
     * flag, then wakes. Whatever the interleaving, either the poller sees the flag or it is woken.
     */
    @Test
    void registerThenCheckNeverLosesAConcurrentWake() throws Exception {
        int rounds = 20_000;
        AtomicInteger lost = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CyclicBarrier barrier = new CyclicBarrier(2);
        AtomicWaker[] cells = new AtomicWaker[rounds];
        AtomicBoolean[] flags = new AtomicBoolean[rounds];
        for (int i = 0; i < rounds; i++) {
            cells[i] = new AtomicWaker();
            flags[i] = new AtomicBoolean();
        }
        Thread waker = new Thread(() -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    barrier.await();
                    flags[i].set(true);
                    cells[i].wake();
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        waker.start();
        for (int i = 0; i < rounds; i++) {
            barrier.await();
            TestWaker w = new TestWaker();
            cells[i].register(w);
            if (!flags[i].get()) {
                // Not seen: a wake must arrive.
                if (!w.awaitWake(java.time.Duration.ofSeconds(5))) lost.incrementAndGet();
            }
        }
        waker.join();
        assertTrue(failures.isEmpty(), failures::toString);
        assertEquals(0, lost.get(), "wakes lost");
    }
}
