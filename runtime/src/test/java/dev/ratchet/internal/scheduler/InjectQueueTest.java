package dev.ratchet.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Poll;
import dev.ratchet.internal.task.Scheduler;
import dev.ratchet.internal.task.Task;
import dev.ratchet.testsupport.Concurrent;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InjectQueueTest {
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
        for (int i = 0; i < n; i++) ts[i] = Task.create(cx -> Poll.pending(), null, NO_SCHEDULER);
        return ts;
    }

    /** FIFO across growth and wrap-around: pushes interleaved with pops, 10_000 tasks. */
    @Test
    void keepsFifoOrderWhileGrowingAndWrapping() {
        Task<?>[] ts = tasks(10_000);
        InjectQueue q = new InjectQueue();
        int popped = 0;
        for (int i = 0; i < ts.length; i++) {
            q.push(ts[i]);
            if (i % 3 == 0) assertSame(ts[popped++], q.pop());
        }
        assertEquals(ts.length - popped, q.size());
        while (popped < ts.length) assertSame(ts[popped++], q.pop());
        assertNull(q.pop());
        assertTrue(q.isEmpty());
    }

    @Test
    void batchesKeepOrderAndRespectTheLimit() {
        Task<?>[] ts = tasks(21);
        Task<?>[] src = new Task<?>[16]; // a ring read from index 12 on: wraps after 4 slots
        for (int i = 0; i < 10; i++) src[(12 + i) & 15] = ts[i];
        InjectQueue q = new InjectQueue();
        q.pushBatch(src, 15, 12, 10, ts[10]);
        for (int i = 11; i < 21; i++) q.push(ts[i]);
        assertEquals(21, q.size());
        Task<?>[] out = new Task<?>[8];
        assertEquals(8, q.popBatch(out, 100), "bounded by the destination");
        for (int i = 0; i < 8; i++) assertSame(ts[i], out[i]);
        assertEquals(5, q.popBatch(out, 5), "bounded by max");
        for (int i = 0; i < 5; i++) assertSame(ts[8 + i], out[i]);
        for (int i = 13; i < 21; i++) assertSame(ts[i], q.pop());
        assertEquals(0, q.popBatch(out, 8));
    }

    /** A burst grows the ring and gives it back; a recurring burst keeps it; light use gives it back. */
    @Test
    void aDrainedLargeRingShrinks() {
        Task<?>[] ts = tasks(20_000);
        InjectQueue q = new InjectQueue();
        for (Task<?> t : ts) q.push(t);
        assertTrue(q.capacity() >= 20_000);
        Task<?>[] out = new Task<?>[128];
        int seen = 0;
        while (seen < ts.length) {
            int n = q.popBatch(out, out.length);
            for (int i = 0; i < n; i++) assertSame(ts[seen + i], out[i]);
            seen += n;
        }
        assertTrue(q.capacity() <= 4096, "a single burst left its ring: " + q.capacity());
        // The burst recurs: after its second drain the ring stays, and the third reuses it.
        for (Task<?> t : ts) q.push(t);
        for (int seen2 = 0; seen2 < ts.length; ) seen2 += q.popBatch(out, out.length);
        int kept = q.capacity();
        assertTrue(kept >= 20_000, "a recurring burst's ring was dropped: " + kept);
        for (Task<?> t : ts) q.push(t);
        assertEquals(kept, q.capacity(), "a recurring burst regrew the ring");
        for (int seen3 = 0; seen3 < ts.length; ) seen3 += q.popBatch(out, out.length);
        // Light traffic again: the next drain gives the large ring back.
        q.push(ts[0]);
        assertSame(ts[0], q.pop());
        assertTrue(q.capacity() <= 4096, "ring not shrunk after light use: " + q.capacity());
        q.push(ts[1]);
        assertSame(ts[1], q.pop());
    }

    /**
     * A ring the recurring-burst rule kept is dropped when a polling thread goes idle with nothing
     * queued (W4's burst of spawns drains several times while it lasts); not while tasks wait.
     */
    @Test
    void trimIdleDropsAKeptRingOnlyWhenNothingIsQueued() {
        Task<?>[] ts = tasks(20_000);
        InjectQueue q = new InjectQueue();
        Task<?>[] out = new Task<?>[128];
        for (Task<?> t : ts) q.push(t);
        for (int seen = 0; seen < ts.length; ) seen += q.popBatch(out, out.length);
        for (Task<?> t : ts) q.push(t);
        for (int seen = 0; seen < ts.length - 1; ) seen += q.popBatch(out, Math.min(out.length, ts.length - 1 - seen));
        q.trimIdle();
        assertTrue(q.capacity() >= 20_000, "a task is queued: the ring stays, " + q.capacity());
        assertSame(ts[ts.length - 1], q.pop());
        assertTrue(q.capacity() >= 20_000, "the burst recurred: its drain kept the ring, " + q.capacity());
        q.trimIdle();
        assertTrue(q.capacity() <= 4096, "idle and empty: the ring was dropped, " + q.capacity());
        q.push(ts[1]);
        assertSame(ts[1], q.pop(), "still a working queue");
    }

    /** 4 producers x 25_000 pushes against 2 consumers (pop and popBatch): each task exactly once. */
    @Test
    void concurrentProducersAndConsumersSeeEveryTaskOnce() throws Exception {
        final int producers = 4;
        final int perProducer = 25_000;
        final int total = producers * perProducer;
        Task<?>[] ts = tasks(total);
        Map<Task<?>, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < total; i++) index.put(ts[i], i);
        AtomicIntegerArray seen = new AtomicIntegerArray(total);
        AtomicInteger consumed = new AtomicInteger();
        InjectQueue q = new InjectQueue();
        Concurrent.run(producers + 2, id -> {
            if (id < producers) {
                for (int i = 0; i < perProducer; i++) q.push(ts[id * perProducer + i]);
                return;
            }
            Task<?>[] out = new Task<?>[64];
            while (consumed.get() < total) {
                if (id == producers) {
                    Task<?> t = q.pop();
                    if (t != null) {
                        seen.incrementAndGet(index.get(t));
                        consumed.incrementAndGet();
                    }
                } else {
                    int n = q.popBatch(out, 64);
                    for (int i = 0; i < n; i++) seen.incrementAndGet(index.get(out[i]));
                    consumed.addAndGet(n);
                }
                Thread.onSpinWait();
            }
        });
        for (int i = 0; i < total; i++) assertEquals(1, seen.get(i), "task " + i);
        assertTrue(q.isEmpty());
    }
}
