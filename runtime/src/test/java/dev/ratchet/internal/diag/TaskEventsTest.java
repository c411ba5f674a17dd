package dev.ratchet.internal.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.internal.scheduler.ExecutorConfig;
import dev.ratchet.internal.scheduler.multithread.MultiThreadExecutor;
import dev.ratchet.internal.task.Task;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.testsupport.DebugFutures.BlockingMachine;
import dev.ratchet.testsupport.TestFutures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JFR events, read back from a real recording. */
@Timeout(60)
class TaskEventsTest {
    private static final List<String> EVENTS =
            List.of("dev.ratchet.TaskSpawned", "dev.ratchet.TaskPoll", "dev.ratchet.TaskCompleted", "dev.ratchet.LongPoll");

    @Test
    void aRecordingSeesSpawnsPollsCompletionsAndLongPolls() throws Exception {
        RecordingLog log = new RecordingLog(1);
        ExecutorConfig config = new ExecutorConfig(2, "jfrtest", 128, 2, TimeUnit.SECONDS.toNanos(10),
                Duration.ofMillis(20), log);
        Path file = Files.createTempFile("ratchet-events", ".jfr");
        int yielderId;
        int failerId;
        int cancelledId;
        int blockerId;
        try (MultiThreadExecutor ex = new MultiThreadExecutor(config)) {
            LongPollDetectionTest.awaitWatchdogRunning(ex);
            // Before the recording: nothing is recorded, and nothing breaks.
            assertEquals(1, ex.blockOn(ex.spawn("before", new TestFutures.Yield<>(1, 1))));
            try (Recording recording = new Recording()) {
                for (String e : EVENTS) recording.enable(e).withThreshold(Duration.ZERO);
                recording.start();
                JoinHandle<Integer> yielder = ex.spawn("yielder", new TestFutures.Yield<>(2, 5));
                JoinHandle<Object> failer = ex.spawn("failer", TestFutures.failing(new IllegalStateException("no")));
                JoinHandle<Void> cancelled = ex.spawn("cancelled", new TestFutures.CleanupProbe("c", new ConcurrentLinkedQueue<>(), null));
                JoinHandle<Integer> blocker = ex.spawn("blocker", new BlockingMachine(80));
                assertEquals(5, ex.blockOn(yielder));
                assertEquals(7, ex.blockOn(blocker));
                cancelled.abort();
                try {
                    ex.blockOn(cancelled);
                } catch (CancellationException expected) {
                    // the outcome under test
                }
                try {
                    ex.blockOn(failer);
                } catch (IllegalStateException expected) {
                    // the outcome under test
                }
                assertTrue(log.awaitEnds(10), "the long poll did not end: " + log.messages());
                recording.stop();
                recording.dump(file);
                yielderId = ((Task<?>) yielder).id();
                failerId = ((Task<?>) failer).id();
                cancelledId = ((Task<?>) cancelled).id();
                blockerId = ((Task<?>) blocker).id();
            }
        }
        List<RecordedEvent> events;
        try {
            events = RecordingFile.readAllEvents(file);
        } finally {
            Files.deleteIfExists(file);
        }
        Map<String, List<RecordedEvent>> byType =
                events.stream().collect(Collectors.groupingBy(e -> e.getEventType().getName()));

        List<RecordedEvent> spawned = byType.getOrDefault("dev.ratchet.TaskSpawned", List.of());
        assertEquals(List.of("yielder", "failer", "cancelled", "blocker"),
                spawned.stream().map(e -> e.getString("name")).toList(), "spawns while recording, in order");
        assertEquals(yielderId, spawned.get(0).getInt("id"));

        List<RecordedEvent> polls = byType.getOrDefault("dev.ratchet.TaskPoll", List.of());
        List<RecordedEvent> yielderPolls = polls.stream().filter(e -> e.getInt("id") == yielderId).toList();
        assertEquals(3, yielderPolls.size(), "two yields and the last poll");
        assertTrue(yielderPolls.stream().allMatch(e -> "yielder".equals(e.getString("name"))));
        RecordedEvent longPoll = polls.stream().filter(e -> e.getInt("id") == blockerId)
                .max((a, b) -> a.getDuration().compareTo(b.getDuration())).orElseThrow();
        assertTrue(longPoll.getDuration().toMillis() >= 80, "blocking poll lasted " + longPoll.getDuration());
        assertEquals(BlockingMachine.RESUMED_AT, longPoll.getString("resumedAt"));
        assertTrue(polls.stream().noneMatch(e -> "before".equals(e.getString("name"))), "recorded before the recording");

        Map<Integer, String> outcomes = byType.getOrDefault("dev.ratchet.TaskCompleted", List.of()).stream()
                .collect(Collectors.toMap(e -> e.getInt("id"), e -> e.getString("outcome")));
        assertEquals("value", outcomes.get(yielderId));
        assertEquals("value", outcomes.get(blockerId));
        assertEquals("java.lang.IllegalStateException", outcomes.get(failerId));
        assertEquals("cancelled", outcomes.get(cancelledId));

        // Only the blocker's poll is sure to be long: the first poll after JFR started also
        // registers the event types (a one-time cost of ~10 ms, more on a loaded machine).
        List<RecordedEvent> longPolls = byType.getOrDefault("dev.ratchet.LongPoll", List.of()).stream()
                .filter(e -> e.getInt("id") == blockerId).toList();
        assertEquals(1, longPolls.size(), "one long poll of the blocker: " + longPolls);
        RecordedEvent lp = longPolls.get(0);
        assertEquals(blockerId, lp.getInt("id"));
        assertEquals("blocker", lp.getString("name"));
        assertTrue(lp.getString("worker").startsWith("jfrtest-worker-"), lp.getString("worker"));
        assertEquals(BlockingMachine.RESUMED_AT, lp.getString("location"));
        long blockedMillis = TimeUnit.NANOSECONDS.toMillis(lp.getLong("blocked"));
        // Sampled (see Watchdog): at least the 20 ms threshold, close to the 80 ms sleep unless the
        // machine delays the watchdog (then shorter), never much longer.
        assertTrue(blockedMillis >= 20 && blockedMillis < 2_000, "blocked " + blockedMillis + " ms, slept 80 ms");
        assertEquals("Ratchet", lp.getEventType().getCategoryNames().get(0));
    }
}
