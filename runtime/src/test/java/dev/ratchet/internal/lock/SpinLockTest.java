package dev.ratchet.internal.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.testsupport.Concurrent;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link SpinLock}: mutual exclusion and visibility under contention, and reentrancy. */
@Timeout(60)
class SpinLockTest {
    /** Guarded by the lock; plain fields, so a lost update or a stale read shows. */
    private long counter;
    private long shadow;

    @Test
    void fourThreadsIncrementingUnderTheLockLoseNoUpdate() throws Exception {
        SpinLock lock = new SpinLock();
        AtomicBoolean overlap = new AtomicBoolean();
        int threads = 4, each = 200_000;
        Concurrent.run(threads, t -> {
            for (int i = 0; i < each; i++) {
                lock.lock();
                try {
                    if (counter != shadow) overlap.set(true); // another holder is mid-update
                    counter++;
                    if ((i & 1023) == 0) Thread.onSpinWait(); // widen the section now and then
                    shadow++;
                } finally {
                    lock.unlock();
                }
            }
        });
        assertFalse(overlap.get(), "two threads were inside the lock at once");
        assertEquals((long) threads * each, counter);
        assertEquals(counter, shadow);
    }

    @Test
    void theHolderMayTakeItAgainAndOnlyTheLastUnlockReleases() throws Exception {
        SpinLock lock = new SpinLock();
        lock.lock();
        lock.lock();
        assertTrue(lock.isHeldByCurrentThread());
        lock.unlock();
        assertTrue(lock.isHeldByCurrentThread(), "one hold left");
        AtomicBoolean otherGotIt = new AtomicBoolean();
        Thread other = new Thread(() -> {
            lock.lock();
            otherGotIt.set(true);
            lock.unlock();
        });
        other.start();
        other.join(200);
        assertFalse(otherGotIt.get(), "another thread took a lock that is still held");
        lock.unlock();
        other.join(10_000);
        assertTrue(otherGotIt.get(), "the release let the waiter in");
        assertFalse(lock.isHeldByCurrentThread());
    }
}
