package dev.ratchet.internal.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.testsupport.Concurrent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a task dump prints for a task awaiting a {@code spawnBlocking} job: queued, running for how long, done. */
class BlockingJobDescriptionTest {
    @Test
    void aJobSaysWhetherItIsQueuedRunningForHowLongOrDone() throws Exception {
        BlockingPool pool = new BlockingPool("bp-describe", 1, TimeUnit.SECONDS.toNanos(5), null);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            JoinHandle<String> running = pool.submit(() -> {
                started.countDown();
                release.await();
                return "a";
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            JoinHandle<String> queued = pool.submit(() -> "b"); // the one thread is busy

            String text = running.toString();
            assertTrue(text.matches("JoinHandle\\[spawnBlocking job \\(running for \\d+ (µs|ms)\\)]"), text);
            assertEquals("JoinHandle[spawnBlocking job (queued)]", queued.toString());

            release.countDown();
            assertTrue(Concurrent.eventually(10_000, queued::isFinished));
            assertEquals("JoinHandle[spawnBlocking job (done)]", running.toString());
            assertEquals("JoinHandle[spawnBlocking job (done)]", queued.toString());
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    void aJobAbortedBeforeItStartedIsDone() throws Exception {
        BlockingPool pool = new BlockingPool("bp-describe-abort", 1, TimeUnit.SECONDS.toNanos(5), null);
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.submit(() -> {
                release.await();
                return null;
            });
            JoinHandle<String> queued = pool.submit(() -> "never");
            queued.abort();
            assertEquals("JoinHandle[spawnBlocking job (done)]", queued.toString());
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }
}
