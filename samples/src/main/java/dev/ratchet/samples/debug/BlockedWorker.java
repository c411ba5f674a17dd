package dev.ratchet.samples.debug;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Futures;
import dev.ratchet.runtime.Executor;
import dev.ratchet.samples.Expect;
import dev.ratchet.samples.Narrator;
import java.time.Duration;

/**
 * A task that blocks its worker: {@code Thread.sleep} inside an {@code @Async} method (as a
 * blocking JDBC call or a big computation would) holds the worker thread, so nothing else runs
 * on it meanwhile. The executor notices every poll longer than its threshold (50 ms by default,
 * {@code Executor.builder().longPollThreshold(...)}) and logs a warning through {@code
 * System.Logger} — "task ... blocked worker ... for N ms in BlockedWorker.java:NN" — and counts
 * it in {@code executor.metrics()}. The fix is {@code Futures.spawnBlocking} (see the blocking
 * sample).
 */
public final class BlockedWorker {
    private BlockedWorker() {}

    public static void main(String[] args) {
        run(new Narrator());
    }

    /** Runs the blocking task; returns how many long polls the executor counted. */
    public static long run(Narrator n) {
        long longPolls;
        try (Executor executor = Executor.builder().workers(2).longPollThreshold(Duration.ofMillis(50)).buildMultiThreaded()) {
            n.say("a task sleeps 200 ms in a poll; the executor's warning goes to System.Logger (stderr by default):");
            String report = executor.blockOn(executor.spawn("report", BlockedWorkerAsync.slowReport()));
            longPolls = executor.metrics().longPolls();
            n.say("%s; long polls counted by the executor: %d", report, longPolls);
            Thread.sleep(50); // the watchdog reports the end of a long poll at its next sample (every 10 ms)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Expect.that(longPolls >= 1, "the executor to count the blocking poll as a long poll");
        return longPolls;
    }

    @Async
    static String slowReport() throws InterruptedException {
        await(Futures.yieldNow());
        Thread.sleep(200); // the mistake: blocks the worker thread (use spawnBlocking)
        return "report done";
    }
}
