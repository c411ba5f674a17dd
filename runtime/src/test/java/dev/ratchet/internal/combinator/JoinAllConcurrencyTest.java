package dev.ratchet.internal.combinator;

import static org.junit.jupiter.api.Assertions.*;

import dev.ratchet.Context;
import dev.ratchet.Poll;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Gates of one joinAll completed by several threads while the test thread polls the join each
 * time it is woken: every value arrives, in input order, and no wake is lost (a lost wake leaves
 * the join pending with no wake coming, and the test times out on that repetition).
 */
class JoinAllConcurrencyTest {
    private static final int THREADS = 4;
    private static final int FUTURES = 1000;
    private static final int REPETITIONS = 200;
    private static final long WAKE_TIMEOUT_MS = 10_000;

    @Test
    void fourThreadsCompletingAThousandGatesWhileTheJoinIsPolledOnWakes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        try {
            for (int rep = 0; rep < REPETITIONS; rep++) {
                runOnce(pool, failures, new Random(rep));
                assertTrue(failures.isEmpty(), () -> "repetition failed: " + failures);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private static void runOnce(ExecutorService pool, Queue<Throwable> failures, Random random) throws Exception {
        List<Gate<Integer>> gates = new ArrayList<>();
        for (int i = 0; i < FUTURES; i++) gates.add(new Gate<>("g" + i));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < FUTURES; i++) order.add(i);
        Collections.shuffle(order, random);

        RecordingWaker waker = new RecordingWaker();
        Context cx = Context.of(waker);
        JoinAll<Integer> join = new JoinAll<>(gates);
        assertTrue(join.poll(cx).isPending());

        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> completers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            completers.add(pool.submit(() -> {
                try {
                    start.await();
                    for (int k = thread; k < FUTURES; k += THREADS) {
                        int i = order.get(k);
                        gates.get(i).complete(i);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        start.countDown();

        Poll<List<Integer>> result;
        int polls = 1;
        while ((result = join.poll(cx)).isPending()) {
            polls++;
            if (!waker.awaitWake(WAKE_TIMEOUT_MS)) {
                fail("lost wake: join pending after " + polls + " polls, no wake for " + WAKE_TIMEOUT_MS + " ms");
            }
        }
        for (Future<?> c : completers) c.get(10, TimeUnit.SECONDS);

        List<Integer> values = result.value();
        assertEquals(FUTURES, values.size());
        for (int i = 0; i < FUTURES; i++) assertEquals(i, values.get(i), "result " + i);
        for (Gate<Integer> g : gates) {
            assertEquals(2, g.polls(), g + ": polled once pending, once ready after its only wake");
            assertEquals(0, g.pollsAfterEnd(), g + " polled after it ended");
        }
    }
}
