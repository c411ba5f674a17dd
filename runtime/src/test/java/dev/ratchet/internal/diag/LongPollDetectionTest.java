package dev.ratchet.internal.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.internal.scheduler.BaseExecutor;
import dev.ratchet.internal.scheduler.ExecutorConfig;
import dev.ratchet.internal.scheduler.currentthread.CurrentThreadExecutor;
import dev.ratchet.internal.scheduler.multithread.MultiThreadExecutor;
import dev.ratchet.internal.task.Task;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.testsupport.Concurrent;
import dev.ratchet.testsupport.DebugFutures.BlockingMachine;
import dev.ratchet.testsupport.TestFutures;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The watchdog: polls that block a worker are reported once when found and once when they end.
 *
 * <p>The polls here block for 300 ms against a 20 ms threshold: on a loaded machine (this one is
 * shared) the watchdog thread may wait tens of milliseconds for a CPU, so a sample can come late;
 * the margin keeps detection certain, and durations are checked against bounds that hold however
 * late the samples are (at least the threshold, at most the sleep plus a generous slack).
 */
@Timeout(60)
class LongPollDetectionTest {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final long BLOCK_MILLIS = 300;
    private static final Pattern POLLING_FOR = Pattern.compile("polling for (\\d+) ms");
    private static final Pattern BLOCKED_FOR = Pattern.compile(" for (\\d+) ms in ");

    private static ExecutorConfig config(String prefix, int workers, Duration threshold, DiagnosticLog log) {
        return new ExecutorConfig(workers, prefix, 128, 4, TimeUnit.SECONDS.toNanos(10), threshold, log);
    }

    private static String newPrefix() {
        return "longpoll-" + PREFIXES.incrementAndGet();
    }

    /**
     * Waits until the watchdog thread has run and parked once (a new executor is idle until it
     * gets work). On a loaded machine the OS may start a new thread hundreds of milliseconds
     * late; a blocking poll submitted before that would be over before the first sample.
     */
    static void awaitWatchdogRunning(BaseExecutor ex) throws InterruptedException {
        Watchdog dog = ex.watchdog();
        assertTrue(Concurrent.eventually(10_000, () -> dog.parkCount() > 0), "the watchdog never ran");
    }

    private static long number(Pattern p, String message) {
        Matcher m = p.matcher(message);
        assertTrue(m.find(), "no " + p + " in: " + message);
        return Long.parseLong(m.group(1));
    }

    @Test
    void aBlockingPollIsReportedWhenFoundAndWhenItEndsWithTaskWorkerAndLine() throws Exception {
        String prefix = newPrefix();
        RecordingLog log = new RecordingLog(1);
        try (MultiThreadExecutor ex = new MultiThreadExecutor(config(prefix, 2, Duration.ofMillis(20), log))) {
            awaitWatchdogRunning(ex);
            JoinHandle<Integer> indexer = ex.spawn("indexer", new BlockingMachine(BLOCK_MILLIS));
            assertEquals(7, ex.blockOn(indexer));
            assertTrue(log.awaitEnds(10), "no end-of-long-poll warning: " + log.messages());
            String task = "Task#" + ((Task<?>) indexer).id() + " \"indexer\"";
            List<String> mine = log.about(task);
            assertEquals(2, mine.size(), "one warning when found, one when it ended: " + log.messages());
            String started = mine.get(0);
            String ended = mine.get(1);
            assertTrue(started.matches("task " + Pattern.quote(task) + " is blocking worker " + prefix
                    + "-worker-[01]: polling for \\d+ ms, resumed at " + Pattern.quote(BlockingMachine.RESUMED_AT)), started);
            long polling = number(POLLING_FOR, started);
            assertTrue(polling >= 20 && polling < BLOCK_MILLIS + 2_000, "detected after " + polling + " ms (threshold 20 ms)");
            String worker = started.substring(started.indexOf(prefix + "-worker-"), started.indexOf(':'));
            assertTrue(ended.startsWith("task " + task + " blocked worker " + worker + " for "), ended);
            assertTrue(ended.contains(" ms in " + BlockingMachine.RESUMED_AT + " (measured by sampling, +/- 4 ms)"), ended);
            long blocked = number(BLOCKED_FOR, ended);
            // Measured from the first sample that saw the poll, so never more than the sleep plus
            // the OS's delays, and at least as long as the poll was seen running when detected.
            assertTrue(blocked >= polling && blocked < BLOCK_MILLIS + 2_000,
                    "blocked for " + blocked + " ms, detected at " + polling + " ms, slept " + BLOCK_MILLIS + " ms");
            assertEquals(1, ex.metrics().longPolls());
        }
    }

    @Test
    void pollsShorterThanTheThresholdAreNotReported() throws Exception {
        RecordingLog log = new RecordingLog(1);
        try (MultiThreadExecutor ex = new MultiThreadExecutor(config(newPrefix(), 2, Duration.ofMillis(500), log))) {
            assertEquals(4950L, ex.blockOn(new TestFutures.SpawnAndSum(100, 3)));
            assertEquals(7, ex.blockOn(ex.spawn("brief", new BlockingMachine(20))));
            assertEquals(List.of(), log.messages());
            assertEquals(0, ex.metrics().longPolls());
        }
    }

    @Test
    void onACurrentThreadExecutorABlockingRootOrTaskBlocksTheDriver() throws Exception {
        RecordingLog log = new RecordingLog(2);
        try (CurrentThreadExecutor ex = new CurrentThreadExecutor(config(newPrefix(), 1, Duration.ofMillis(20), log))) {
            awaitWatchdogRunning(ex);
            assertEquals(7, ex.blockOn(new BlockingMachine(BLOCK_MILLIS)));
            JoinHandle<Integer> task = ex.spawn("slow", new BlockingMachine(BLOCK_MILLIS));
            assertEquals(7, ex.blockOn(task));
            assertTrue(log.awaitEnds(10), "expected two long polls: " + log.messages());
            String me = Thread.currentThread().getName();
            List<String> root = log.about("Task#0 \"blockOn\"");
            assertEquals(2, root.size(), log.messages().toString());
            assertTrue(root.get(0).contains(" is blocking worker " + me + ": "), root.get(0));
            assertTrue(root.get(1).contains(" blocked worker " + me + " for "), root.get(1));
            List<String> slow = log.about("Task#" + ((Task<?>) task).id() + " \"slow\"");
            assertEquals(2, slow.size(), log.messages().toString());
            assertTrue(slow.get(1).contains(" in " + BlockingMachine.RESUMED_AT), slow.get(1));
            assertEquals(2, ex.metrics().longPolls());
            // Nobody drives the executor once blockOn has returned: the watchdog parks without a
            // timeout (WAITING; between samples it is TIMED_WAITING).
            Watchdog dog = ex.watchdog();
            assertTrue(Concurrent.eventually(5_000, () -> dog.thread().getState() == Thread.State.WAITING
                    && dog.parkCount() > 0), "the watchdog kept sampling an undriven executor");
        }
    }

    /** The production path: {@code System.Logger} "dev.ratchet.runtime", which the JDK routes to java.util.logging. */
    @Test
    void warningsGoToTheSystemLoggerAtLevelWarning() throws Exception {
        Logger jul = Logger.getLogger("dev.ratchet.runtime");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        jul.addHandler(capture);
        boolean parents = jul.getUseParentHandlers();
        jul.setUseParentHandlers(false);
        try (Executor ex = Executor.builder().threadNamePrefix(newPrefix()).workers(1)
                .longPollThreshold(Duration.ofMillis(20)).buildMultiThreaded()) {
            awaitWatchdogRunning((BaseExecutor) ex);
            assertEquals(7, ex.blockOn(ex.spawn("logged", new BlockingMachine(BLOCK_MILLIS))));
            assertTrue(Concurrent.eventually(5_000, () -> records.stream()
                    .anyMatch(r -> r.getMessage().contains("\"logged\" blocked worker "))), "no warning logged: " + records);
            LogRecord r = records.stream().filter(x -> x.getMessage().contains("\"logged\"")).findFirst().orElseThrow();
            assertEquals(Level.WARNING, r.getLevel());
            assertEquals("dev.ratchet.runtime", r.getLoggerName());
        } finally {
            jul.removeHandler(capture);
            jul.setUseParentHandlers(parents);
        }
    }

    @Test
    void anIdleExecutorKeepsItsWatchdogParked() throws Exception {
        RecordingLog log = new RecordingLog(1);
        try (MultiThreadExecutor ex = new MultiThreadExecutor(config(newPrefix(), 2, Duration.ofMillis(5), log))) {
            assertEquals(4950L, ex.blockOn(new TestFutures.SpawnAndSum(100, 3)));
            Watchdog dog = ex.watchdog();
            assertNotNull(dog);
            assertTrue(Concurrent.eventually(5_000, () -> dog.thread().getState() == Thread.State.WAITING
                    && dog.parkCount() > 0), "the watchdog did not park");
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long cpu = mx.getThreadCpuTime(dog.thread().getId());
            long parks = dog.parkCount();
            long workerParks = ex.metrics().parks();
            Thread.sleep(300); // a measurement window, not synchronization
            // A sampling watchdog would wake every millisecond (period 1 ms at a 5 ms threshold):
            // 300 wake-ups here. A parked one re-parks only after a spurious return.
            long reparks = dog.parkCount() - parks;
            assertTrue(reparks <= 2, "idle watchdog re-parked " + reparks + " times in 300 ms");
            long cpuMillis = TimeUnit.NANOSECONDS.toMillis(mx.getThreadCpuTime(dog.thread().getId()) - cpu);
            assertTrue(cpuMillis < 20, "idle watchdog used " + cpuMillis + " ms of CPU in 300 ms");
            assertTrue(ex.metrics().parks() - workerParks <= 4, "idle workers kept re-parking");
            // A worker that wakes wakes the watchdog: a blocking poll is still found.
            assertEquals(7, ex.blockOn(ex.spawn("late", new BlockingMachine(BLOCK_MILLIS))));
            assertTrue(log.awaitEnds(10), "no report after the watchdog slept: " + log.messages());
        }
    }

    @Test
    void aZeroThresholdMeansNoWatchdogAndNoReports() throws Exception {
        String prefix = newPrefix();
        RecordingLog log = new RecordingLog(1);
        for (BaseExecutor ex : new BaseExecutor[] {
                new MultiThreadExecutor(config(prefix, 2, Duration.ZERO, log)),
                new CurrentThreadExecutor(config(prefix, 1, Duration.ZERO, log))}) {
            try (ex) {
                assertNull(ex.watchdog());
                assertEquals(7, ex.blockOn(ex.spawn("unwatched", new BlockingMachine(60))));
                boolean watchdogThread = Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().equals(prefix + "-watchdog"));
                assertTrue(!watchdogThread, "a watchdog thread runs although detection is off");
                assertEquals(0, ex.metrics().longPolls());
            }
        }
        assertEquals(List.of(), log.messages());
    }

    @Test
    void theThresholdMustNotBeNegative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Executor.builder().longPollThreshold(Duration.ofMillis(-1)));
        assertTrue(e.getMessage().contains("longPollThreshold must not be negative"), e.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class, () -> Executor.builder().longPollThreshold(null));
        assertEquals("threshold", npe.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Watchdog("w", new WorkerStats[0], new CoarseClock(), Duration.ZERO, m -> {}, id -> null, i -> {}));
    }

    @Test
    void theSamplingPeriodIsAFifthOfTheThresholdBetweenOneMillisecondAndOneSecond() {
        assertEquals(TimeUnit.MILLISECONDS.toNanos(10), Watchdog.periodFor(TimeUnit.MILLISECONDS.toNanos(50)));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(1), Watchdog.periodFor(TimeUnit.MICROSECONDS.toNanos(100)));
        assertEquals(TimeUnit.SECONDS.toNanos(1), Watchdog.periodFor(TimeUnit.MINUTES.toNanos(1)));
    }
}
