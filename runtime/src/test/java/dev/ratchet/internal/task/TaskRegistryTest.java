package dev.ratchet.internal.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link TaskRegistry}: owned and shared shards, removal without a lock from any thread racing
 * the owner's reuse of slots, and close() racing add().
 */
@Timeout(60)
class TaskRegistryTest {
    private final ManualScheduler scheduler = new ManualScheduler();

    private Task<Integer> newTask() {
        return Task.create(cx -> Poll.ready(1), null, scheduler);
    }

    /** Adds {@code n} new tasks to polling thread 0's shard, in order. */
    private List<Task<?>> addOwned(TaskRegistry r, int n) {
        List<Task<?>> added = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Task<Integer> t = newTask();
            r.add(t, 0);
            added.add(t);
        }
        return added;
    }

    @Test
    void addFindRemoveAndCounts() {
        TaskRegistry r = new TaskRegistry(2);
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Task<Integer> t = newTask();
            tasks.add(t);
            r.add(t, i % 3 - 1); // shared, owned 0, owned 1
        }
        assertEquals(1000, r.size());
        assertEquals(1000, r.addedCount());
        assertSame(tasks.get(42), r.find(tasks.get(42).id()));
        for (int i = 0; i < 1000; i += 2) r.remove(tasks.get(i));
        r.remove(tasks.get(0)); // twice: does nothing
        assertEquals(500, r.size());
        assertNull(r.find(tasks.get(42).id()));
        Set<Task<?>> live = new HashSet<>(r.snapshot());
        for (int i = 0; i < 1000; i++) assertEquals(i % 2 == 1, live.contains(tasks.get(i)), "task " + i);
        assertEquals(1000, r.addedCount(), "removal does not change the spawn count");
    }

    @Test
    void removedSlotsAreReusedSoTheTableDoesNotGrowWithChurn() {
        TaskRegistry r = new TaskRegistry(1);
        List<Task<?>> live = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            Task<Integer> t = newTask();
            r.add(t, 0);
            live.add(t);
            if (live.size() > 100) r.remove(live.remove(ThreadLocalRandom.current().nextInt(live.size())));
        }
        assertEquals(live.size(), r.size());
        assertEquals(new HashSet<>(live), new HashSet<>(r.snapshot()));
        // 101 live at most; probing 4 slots per add keeps the table within a small multiple of that.
        assertTrue(r.slotsUsed() <= 1024, "slots used: " + r.slotsUsed());
    }

    /**
     * An adder entering a chunk whose tasks have all been removed puts a new array in its place,
     * so that its stores go into a young array (see "Young chunks"); a chunk that still holds a
     * task is kept, and that task stays registered.
     */
    @Test
    void anEmptiedChunkIsRenewedAndAChunkWithALiveTaskIsKept() {
        TaskRegistry r = new TaskRegistry(1);
        List<Task<?>> old = addOwned(r, 512);
        Task<?>[] chunk0 = r.ownedChunk(0, 0);
        Task<?>[] chunk1 = r.ownedChunk(0, 1);
        Task<?> keeper = old.get(300);
        for (Task<?> t : old) {
            if (t != keeper) r.remove(t);
        }
        List<Task<?>> fresh = addOwned(r, 511);
        assertEquals(512, r.slotsUsed(), "the new tasks took the free slots");
        assertNotSame(chunk0, r.ownedChunk(0, 0), "chunk 0 was empty: renewed");
        assertSame(chunk1, r.ownedChunk(0, 1), "chunk 1 holds a task: kept");
        Set<Task<?>> expected = new HashSet<>(fresh);
        expected.add(keeper);
        assertEquals(expected, new HashSet<>(r.snapshot()));
        for (Task<?> t : fresh) r.remove(t);
        assertEquals(List.of(keeper), r.snapshot());
    }

    @Test
    void aTaskThatAddFailedOnIsNotRemovedByAccident() {
        TaskRegistry r = new TaskRegistry(1);
        Task<Integer> kept = newTask();
        r.add(kept, 0);
        r.close();
        Task<Integer> refused = newTask();
        assertThrows(IllegalStateException.class, () -> r.add(refused, 0));
        r.remove(refused); // never registered: does nothing
        assertEquals(List.of(kept), r.snapshot());
    }

    @Test
    void completedTasksAreNotListedEvenBeforeTheirRemoval() {
        TaskRegistry r = new TaskRegistry(1);
        Task<Integer> t = newTask();
        r.add(t, 0);
        t.run(); // completes (ready on the first poll); the executor would remove it next
        assertEquals(0, r.size());
        assertTrue(r.snapshot().isEmpty());
    }

    /**
     * The executor's pattern under contention: two "workers" each add to their own shard while
     * two other threads complete (remove) tasks from both, in random order. Nothing is lost or
     * listed twice, and slots freed by the removers are reused by the owners (the adders wait
     * while more than 1000 removals are pending, as a parent awaiting its children would).
     */
    @Test
    void ownersAddingWhileOtherThreadsRemoveLoseNothing() throws Exception {
        for (int rep = 0; rep < 5; rep++) {
            TaskRegistry r = new TaskRegistry(2);
            int each = 50_000;
            ConcurrentLinkedQueue<Task<?>> toRemove = new ConcurrentLinkedQueue<>();
            AtomicInteger pending = new AtomicInteger();
            ConcurrentLinkedQueue<Task<?>> kept = new ConcurrentLinkedQueue<>();
            AtomicBoolean addersDone = new AtomicBoolean();
            int[] addersLeft = {2};
            Concurrent.run(4, id -> {
                if (id < 2) {
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    for (int i = 0; i < each; i++) {
                        Task<Integer> t = newTask();
                        r.add(t, id);
                        if (rnd.nextInt(10) == 0) {
                            kept.add(t);
                        } else {
                            pending.incrementAndGet();
                            toRemove.add(t);
                        }
                        while (pending.get() > 1000) Thread.onSpinWait();
                    }
                    synchronized (addersLeft) {
                        if (--addersLeft[0] == 0) addersDone.set(true);
                    }
                } else {
                    while (true) {
                        boolean done = addersDone.get();
                        Task<?> t = toRemove.poll();
                        if (t != null) {
                            r.remove(t);
                            pending.decrementAndGet();
                        } else if (done) {
                            return;
                        }
                        else Thread.onSpinWait();
                    }
                }
            });
            assertEquals(2L * each, r.addedCount());
            assertEquals(new HashSet<>(kept), new HashSet<>(r.snapshot()));
            assertEquals(kept.size(), r.size());
            // About 10 000 kept and at most ~1000 pending are live at the end: without reuse the
            // table would hold all 100 000.
            assertTrue(r.slotsUsed() < each, "removed slots were reused: " + r.slotsUsed());
            for (Task<?> t : kept) r.remove(t);
            assertEquals(0, r.size());
        }
    }

    @Test
    void closeRacingAddsFindsEveryAcceptedTask() throws Exception {
        for (int rep = 0; rep < 20; rep++) {
            TaskRegistry r = new TaskRegistry(2);
            ConcurrentLinkedQueue<Task<?>> accepted = new ConcurrentLinkedQueue<>();
            Concurrent.run(4, id -> {
                if (id == 0) {
                    Thread.yield();
                    r.close();
                    return;
                }
                for (int i = 0; i < 5_000; i++) {
                    Task<Integer> t = newTask();
                    try {
                        r.add(t, id == 3 ? -1 : id - 1); // two owners and a shared-shard spawner
                        accepted.add(t);
                    } catch (IllegalStateException e) {
                        assertEquals("executor is closed", e.getMessage());
                    }
                }
            });
            assertEquals(new HashSet<>(accepted), new HashSet<>(r.snapshot()), "close() must see every accepted task");
            assertThrows(IllegalStateException.class, () -> r.add(newTask(), 0));
            assertThrows(IllegalStateException.class, () -> r.add(newTask(), -1));
        }
    }
}
