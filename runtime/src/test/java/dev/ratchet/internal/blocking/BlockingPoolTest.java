package dev.ratchet.internal.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.testsupport.Concurrent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BlockingPoolTest {
    private static <T> T await(JoinHandle<T> h) throws InterruptedException {
        CountDownLatch woken = new CountDownLatch(1);
        Context cx = Context.of(woken::countDown);
        Poll<T> p = h.poll(cx);
        if (p.isPending()) {
            assertTrue(woken.await(10, TimeUnit.SECONDS), "the handle never woke its awaiter");
            p = h.poll(cx);
        }
        assertTrue(p.isReady());
        return p.value();
    }

    /** 100 jobs, at most 4 threads: never more than 4 run at once, all results arrive. */
    @Test
    void neverRunsMoreThanTheMaximumAtOnce() throws Exception {
        BlockingPool pool = new BlockingPool("bp-max", 4, TimeUnit.SECONDS.toNanos(5), null);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<JoinHandle<Integer>> hs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int v = i;
            hs.add(pool.submit(() -> {
                int now = running.incrementAndGet();
                peak.accumulateAndGet(now, Math::max);
                Thread.sleep(1); // simulated blocking work
                running.decrementAndGet();
                return v;
            }));
            assertTrue(pool.threadCount() <= 4);
        }
        int sum = 0;
        for (JoinHandle<Integer> h : hs) sum += await(h);
        assertEquals(4950, sum);
        assertTrue(peak.get() <= 4, "peak concurrency " + peak.get());
        assertTrue(peak.get() >= 2, "the pool grew beyond one thread: peak " + peak.get());
        pool.shutdown();
        assertEquals(0, pool.threadCount());
    }

    @Test
    void idleThreadsDieAfterTheKeepAlive() throws Exception {
        BlockingPool pool = new BlockingPool("bp-keepalive", 2, TimeUnit.MILLISECONDS.toNanos(20), null);
        assertEquals("x", await(pool.submit(() -> "x")));
        assertTrue(Concurrent.eventually(5_000, () -> pool.threadCount() == 0), "idle thread did not exit");
        assertEquals("y", await(pool.submit(() -> "y")), "a new thread is created on demand");
        pool.shutdown();
    }

    @Test
    void anIdleThreadIsReusedRatherThanANewOneStarted() throws Exception {
        BlockingPool pool = new BlockingPool("bp-reuse", 8, TimeUnit.SECONDS.toNanos(30), null);
        for (int i = 0; i < 20; i++) {
            await(pool.submit(() -> 1));
            // the job's handle completes just before its thread goes back to waiting
            assertTrue(Concurrent.eventually(5_000, () -> pool.idleThreadCount() == 1));
        }
        assertEquals(1, pool.threadCount(), "sequential jobs share one thread");
        pool.shutdown();
    }

    @Test
    void failuresAreRethrownAsTheSameObject() throws Exception {
        BlockingPool pool = new BlockingPool("bp-fail", 1, TimeUnit.SECONDS.toNanos(1), null);
        IOException boom = new IOException("disk");
        JoinHandle<Object> h = pool.submit(() -> {
            throw boom;
        });
        IOException thrown = assertThrows(IOException.class, () -> await(h));
        assertSame(boom, thrown);
        pool.shutdown();
    }

    @Test
    void abortOfAQueuedJobRemovesItAndItNeverRuns() throws Exception {
        BlockingPool pool = new BlockingPool("bp-abort", 1, TimeUnit.SECONDS.toNanos(5), null);
        CountDownLatch release = new CountDownLatch(1);
        JoinHandle<String> first = pool.submit(() -> {
            release.await();
            return "first";
        });
        AtomicBoolean secondRan = new AtomicBoolean();
        JoinHandle<String> second = pool.submit(() -> {
            secondRan.set(true);
            return "second";
        });
        second.abort();
        assertTrue(second.isFinished());
        assertThrows(CancellationException.class, () -> second.poll(Context.of(Waker.noop())));
        release.countDown();
        assertEquals("first", await(first));
        assertEquals("third", await(pool.submit(() -> "third")));
        assertFalse(secondRan.get());
        pool.shutdown();
    }

    @Test
    void shutdownCancelsQueuedJobsInterruptsRunningOnesAndJoinsThreads() throws Exception {
        BlockingPool pool = new BlockingPool("bp-shutdown", 1, TimeUnit.SECONDS.toNanos(5), null);
        CountDownLatch started = new CountDownLatch(1);
        JoinHandle<String> running = pool.submit(() -> {
            started.countDown();
            Thread.sleep(60_000);
            return "slept";
        });
        JoinHandle<String> queued = pool.submit(() -> "never");
        started.await();
        pool.shutdown();
        assertEquals(0, pool.threadCount());
        assertThrows(InterruptedException.class, () -> await(running));
        assertThrows(CancellationException.class, () -> await(queued));
        assertEquals("executor is closed",
                assertThrows(IllegalStateException.class, () -> pool.submit(() -> 1)).getMessage());
    }
}
