package dev.ratchet.samples.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.runtime.Executor;
import dev.ratchet.samples.Narrator;
import dev.ratchet.sync.Mutex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncMutexTest {
    @Test
    void theMutexKeepsEveryUpdateThatTheUnprotectedVersionLoses() {
        AsyncMutex.Result r = AsyncMutex.run();
        assertEquals(2 * AsyncMutex.ROUNDS, r.lockedCount());
        assertTrue(r.unprotectedCount() < 2 * AsyncMutex.ROUNDS, r::toString);
    }

    @Test
    void holdersAlternateOnOneThread() {
        Narrator n = new Narrator(false);
        AsyncMutex sample = new AsyncMutex(n);
        Mutex<Integer> counter = new Mutex<>(0);
        try (Executor executor = Executor.currentThread()) {
            executor.blockOn(Futures.join(
                    AsyncMutexAsync.addLocked(sample, counter, "A"), AsyncMutexAsync.addLocked(sample, counter, "B")));
        }
        List<String> holders = n.lines().stream().filter(l -> l.contains("holds the lock")).map(l -> l.substring(0, 1)).toList();
        assertEquals(2 * AsyncMutex.ROUNDS, holders.size(), holders::toString);
        for (int i = 1; i < holders.size(); i++) {
            assertTrue(!holders.get(i).equals(holders.get(i - 1)), "FIFO hand-off should alternate: " + holders);
        }
        assertEquals(2 * AsyncMutex.ROUNDS, counter.tryLock().get());
    }

    @Test
    void theCountIsExactWithTasksInParallelOnAMultiThreadedExecutor() {
        int tasks = 6;
        Mutex<Integer> counter = new Mutex<>(0);
        AsyncMutex sample = new AsyncMutex(new Narrator(false));
        try (Executor executor = Executor.builder().workers(4).buildMultiThreaded()) {
            List<Future<Void>> all = new ArrayList<>();
            for (int i = 0; i < tasks; i++) all.add(executor.spawn(AsyncMutexAsync.addLocked(sample, counter, "T" + i)));
            executor.blockOn(Futures.joinAll(all));
        }
        assertEquals(tasks * AsyncMutex.ROUNDS, counter.tryLock().get());
    }
}
