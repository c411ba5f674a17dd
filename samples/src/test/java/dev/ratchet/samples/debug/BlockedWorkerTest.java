package dev.ratchet.samples.debug;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.samples.Narrator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class BlockedWorkerTest {
    @Test
    void theExecutorWarnsThroughSystemLoggerWithTheTaskAndTheLineAndCountsTheLongPoll() {
        // System.Logger goes to java.util.logging by default: listen where the warning lands.
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler listener = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger runtime = Logger.getLogger("dev.ratchet.runtime");
        runtime.addHandler(listener);
        try {
            assertTrue(BlockedWorker.run(new Narrator(false)) >= 1);
        } finally {
            runtime.removeHandler(listener);
        }
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("WARNING") && w.contains("\"report\"")
                && w.contains("blocked worker") && w.contains("BlockedWorker.java:")), warnings::toString);
    }
}
