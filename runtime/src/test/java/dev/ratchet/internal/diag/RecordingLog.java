package dev.ratchet.internal.diag;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A {@link DiagnosticLog} that keeps the warnings and counts down a latch per end-of-long-poll warning. */
final class RecordingLog implements DiagnosticLog {
    private final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
    private final CountDownLatch ended;

    RecordingLog(int expectedEnds) {
        this.ended = new CountDownLatch(expectedEnds);
    }

    @Override
    public void warn(String message) {
        messages.add(message);
        if (message.contains(" blocked worker ")) ended.countDown();
    }

    /** Waits for the expected end-of-long-poll warnings. */
    boolean awaitEnds(long seconds) throws InterruptedException {
        return ended.await(seconds, TimeUnit.SECONDS);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    List<String> about(String task) {
        return messages.stream().filter(m -> m.startsWith("task " + task + " ")).toList();
    }
}
