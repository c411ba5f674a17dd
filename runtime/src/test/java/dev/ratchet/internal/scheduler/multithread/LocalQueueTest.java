package dev.ratchet.internal.scheduler.multithread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Poll;
import dev.ratchet.internal.scheduler.InjectQueue;
import dev.ratchet.internal.task.Scheduler;
import dev.ratchet.internal.task.Task;
import dev.ratchet.testsupport.Concurrent;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class LocalQueueTest {
    private static final Scheduler NO_SCHEDULER = new Scheduler() {
        @Override
        public void schedule(Task<?> task) {}

        @Override
        public void release(Task<?> task) {}

        @Override
        public int budget() {
            return 1;
        }

        @Override
        public int pollStamp() {
            return 1;
        }
    };

    private static Task<?>[] tasks(int n) {
        Task<?>[] ts = new Task<?>[n];
        for (int i = 0; i < n; i++) ts[i] = Task.create(cx -> Poll.pending(), "t" + i, NO_SCHEDULER);
        return ts;
    }

    @Test
    void ownerPushAndPopAreFifo() {
        LocalQueue q = new LocalQueue();
        InjectQueue inject = new InjectQueue();
        Task<?>[] ts = tasks(10);
        for (Task<?> t : ts) q.ownerPush(t, inject);
        assertEquals(10, q.size());
        for (Task<?> t : ts) assertSame(t, q.ownerPop());
        assertNull(q.ownerPop());
        assertEquals(0, inject.size());
    }

    /** A push must be announced to parked workers when the queue was empty or work overflowed. */
    @Test
    void ownerPushSaysWhenThePushMustBeAnnounced() {
        LocalQueue q = new LocalQueue();
        InjectQueue inject = new InjectQueue();
        Task<?>[] ts = tasks(LocalQueue.CAPACITY + 6);
        assertTrue(q.ownerPush(ts[0], inject), "onto an empty queue");
        assertFalse(q.ownerPush(ts[1], inject), "onto a non-empty queue");
        assertSame(ts[0], q.ownerPop());
        assertSame(ts[1], q.ownerPop());
        assertTrue(q.ownerPush(ts[2], inject), "emptied by pops: empty again");
        LocalQueue thief = new LocalQueue();
        assertSame(ts[2], q.stealInto(thief));
        assertTrue(q.ownerPush(ts[3], inject), "emptied by a thief: empty again");
        for (int i = 4; i < ts.length; i++) {
            boolean overflows = q.size() == LocalQueue.CAPACITY;
            assertEquals(overflows, q.ownerPush(ts[i], inject), "push " + i);
        }
        assertTrue(inject.size() > 0);
    }

    @Test
    void aFullQueueMovesHalfPlusTheNewTaskToTheInjectQueueInOrder() {
        LocalQueue q = new LocalQueue();
        InjectQueue inject = new InjectQueue();
        Task<?>[] ts = tasks(LocalQueue.CAPACITY + 1);
        for (Task<?> t : ts) q.ownerPush(t, inject);
        int half = LocalQueue.CAPACITY / 2;
        assertEquals(half + 1, inject.size());
        assertEquals(LocalQueue.CAPACITY - half, q.size());
        for (int i = 0; i < half; i++) assertSame(ts[i], inject.pop(), "oldest half first");
        assertSame(ts[LocalQueue.CAPACITY], inject.pop());
        for (int i = half; i < LocalQueue.CAPACITY; i++) assertSame(ts[i], q.ownerPop());
    }

    @Test
    void ownerPushAllCopiesABatchInOrderAcrossTheWrapAndFallsBackWhenItDoesNotFit() {
        LocalQueue q = new LocalQueue();
        InjectQueue inject = new InjectQueue();
        Task<?>[] filler = tasks(LocalQueue.CAPACITY - 10);
        for (Task<?> t : filler) q.ownerPush(t, inject);
        for (Task<?> t : filler) assertSame(t, q.ownerPop()); // empty, tail 10 slots before the wrap
        Task<?>[] batch = tasks(100);
        q.ownerPushAll(batch, 1, 60, inject); // wraps
        assertEquals(60, q.size());
        assertEquals(0, inject.size());
        Task<?>[] more = tasks(LocalQueue.CAPACITY);
        q.ownerPushAll(more, 0, LocalQueue.CAPACITY, inject); // does not fit: pushed one by one, overflowing
        assertEquals(LocalQueue.CAPACITY + 60, q.size() + inject.size(), "every task is somewhere");
        java.util.List<Task<?>> out = new java.util.ArrayList<>();
        Task<?> t;
        while ((t = inject.pop()) != null) out.add(t);
        while ((t = q.ownerPop()) != null) out.add(t);
        assertEquals(java.util.Arrays.asList(batch).subList(1, 61), out.subList(0, 60), "the batch, in order, oldest first");
        java.util.Set<Task<?>> rest = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        rest.addAll(out.subList(60, out.size()));
        assertEquals(LocalQueue.CAPACITY, rest.size(), "then each of the others once");
        assertTrue(rest.containsAll(java.util.Arrays.asList(more)));
    }

    @Test
    void stealTakesHalfAndReturnsOne() {
        LocalQueue victim = new LocalQueue();
        LocalQueue thief = new LocalQueue();
        InjectQueue inject = new InjectQueue();
        Task<?>[] ts = tasks(10);
        for (Task<?> t : ts) victim.ownerPush(t, inject);
        Task<?> got = victim.stealInto(thief);
        assertSame(ts[4], got, "5 stolen (half, rounded up): 4 queued in the thief, the last returned");
        assertEquals(4, thief.size());
        assertEquals(5, victim.size());
        for (int i = 0; i < 4; i++) assertSame(ts[i], thief.ownerPop());
        for (int i = 5; i < 10; i++) assertSame(ts[i], victim.ownerPop());
        assertNull(victim.stealInto(thief));
    }

    /**
     * One owner pushes 200_000 tasks, one by one and in batches (popping some itself), while 3
     * thieves steal; every task must come out exactly once, through the owner, a thief, or the
     * overflow queue.
     */
    @Test
    void concurrentStealingDeliversEveryTaskExactlyOnce() throws Exception {
        final int n = 200_000;
        Task<?>[] ts = tasks(n);
        java.util.Map<Task<?>, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) index.put(ts[i], i);
        AtomicIntegerArray seen = new AtomicIntegerArray(n);
        LocalQueue owner = new LocalQueue();
        InjectQueue inject = new InjectQueue();
        AtomicBoolean ownerDone = new AtomicBoolean();
        Concurrent.run(4, id -> {
            if (id == 0) {
                java.util.Random random = new java.util.Random(id);
                for (int i = 0; i < n; i++) {
                    if (random.nextInt(8) == 0) {
                        // A batch, as pulled from the shared queue: copied in when it fits.
                        int k = Math.min(n - i, 1 + random.nextInt(LocalQueue.CAPACITY / 2));
                        owner.ownerPushAll(ts, i, k, inject);
                        i += k - 1;
                    } else {
                        owner.ownerPush(ts[i], inject);
                    }
                    if (i % 3 == 0) {
                        Task<?> t = owner.ownerPop();
                        if (t != null) seen.incrementAndGet(index.get(t));
                    }
                }
                Task<?> t;
                while ((t = owner.ownerPop()) != null) seen.incrementAndGet(index.get(t));
                ownerDone.set(true);
            } else {
                LocalQueue mine = new LocalQueue();
                while (true) {
                    boolean done = ownerDone.get();
                    Task<?> t = owner.stealInto(mine);
                    if (t == null && done) break;
                    if (t != null) {
                        seen.incrementAndGet(index.get(t));
                        Task<?> m;
                        while ((m = mine.ownerPop()) != null) seen.incrementAndGet(index.get(m));
                    }
                }
            }
        });
        Task<?> t;
        while ((t = inject.pop()) != null) seen.incrementAndGet(index.get(t));
        for (int i = 0; i < n; i++) {
            if (seen.get(i) != 1) throw new AssertionError("task " + i + " delivered " + seen.get(i) + " times");
        }
    }
}
