package dev.ratchet.internal.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Poll;
import dev.ratchet.testsupport.Concurrent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link TaskRegistry}: its sharded lists and spin locks under contention, and close() racing add(). */
@Timeout(60)
class TaskRegistryTest {
    private final ManualScheduler scheduler = new ManualScheduler();

    private Task<Integer> newTask() {
        return Task.create(cx -> Poll.ready(1), null, scheduler);
    }

    @Test
    void addFindRemoveAndCounts() {
        TaskRegistry r = new TaskRegistry();
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Task<Integer> t = newTask();
            tasks.add(t);
            r.add(t);
        }
        assertEquals(100, r.size());
        assertEquals(100, r.addedCount());
        assertSame(tasks.get(42), r.find(tasks.get(42).id()));
        for (int i = 0; i < 100; i += 2) r.remove(tasks.get(i));
        r.remove(tasks.get(0)); // twice: does nothing
        assertEquals(50, r.size());
        assertNull(r.find(tasks.get(42).id()));
        Set<Task<?>> live = new HashSet<>(r.snapshot());
        for (int i = 0; i < 100; i++) assertEquals(i % 2 == 1, live.contains(tasks.get(i)), "task " + i);
        assertEquals(100, r.addedCount(), "removal does not change the spawn count");
    }

    @Test
    void fourThreadsAddingAndRemovingLoseNothing() throws Exception {
        TaskRegistry r = new TaskRegistry();
        int threads = 4, each = 20_000;
        ConcurrentLinkedQueue<Task<?>> kept = new ConcurrentLinkedQueue<>();
        Concurrent.run(threads, id -> {
            List<Task<?>> mine = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                Task<Integer> t = newTask();
                r.add(t);
                mine.add(t);
                // Remove in a different order than added, sometimes a batch at once.
                if (i % 3 == 2) {
                    r.remove(mine.remove(mine.size() - 2));
                    r.remove(mine.remove(0));
                }
            }
            kept.addAll(mine);
        });
        assertEquals(threads * each, r.addedCount());
        assertEquals(kept.size(), r.size());
        assertEquals(new HashSet<>(kept), new HashSet<>(r.snapshot()));
        for (Task<?> t : kept) r.remove(t);
        assertEquals(0, r.size());
        assertTrue(r.snapshot().isEmpty());
    }

    @Test
    void closeRacingAddsFindsEveryAcceptedTask() throws Exception {
        for (int rep = 0; rep < 20; rep++) {
            TaskRegistry r = new TaskRegistry();
            ConcurrentLinkedQueue<Task<?>> accepted = new ConcurrentLinkedQueue<>();
            Concurrent.run(3, id -> {
                if (id == 0) {
                    Thread.yield();
                    r.close();
                    return;
                }
                for (int i = 0; i < 5_000; i++) {
                    Task<Integer> t = newTask();
                    try {
                        r.add(t);
                        accepted.add(t);
                    } catch (IllegalStateException e) {
                        assertEquals("executor is closed", e.getMessage());
                    }
                }
            });
            assertEquals(new HashSet<>(accepted), new HashSet<>(r.snapshot()), "close() must see every accepted task");
            assertThrows(IllegalStateException.class, () -> r.add(newTask()));
        }
    }
}
