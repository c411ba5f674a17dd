package dev.ratchet.samples.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Either;
import dev.ratchet.Futures;
import dev.ratchet.runtime.Executor;
import dev.ratchet.samples.Narrator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class SelectAndCancelTest {
    @Test
    void theLoserRunsItsFinallyBeforeSelectReturnsAndTheLoopLosesNoMessage() {
        SelectAndCancel.Result r = SelectAndCancel.run();
        assertEquals("fast", r.winner());
        assertTrue(r.cleanedUpWhenSelectReturned().contains("slow"), r::toString);
        assertTrue(r.timedOut());
        assertEquals(List.of("message 1", "message 2", "message 3", "message 4", "message 5"), r.received());
        assertTrue(r.ticks() > 0, r::toString);
    }

    @Test
    void theLoserIsCancelledAtItsAwaitAndNeverFinishes() {
        Narrator n = new Narrator(false);
        SelectAndCancel sample = new SelectAndCancel(n);
        try (Executor executor = Executor.currentThread()) {
            Either<String, String> winner = executor.blockOn(Futures.select(
                    SelectAndCancelAsync.worker(sample, "slow", Duration.ofSeconds(5)),
                    SelectAndCancelAsync.worker(sample, "fast", Duration.ofMillis(1))));
            assertEquals(new Either.Second<String, String>("fast"), winner);
        }
        List<String> lines = n.lines();
        assertTrue(lines.contains("slow: cancelled while awaiting its sleep"), lines::toString);
        assertTrue(lines.indexOf("slow: cancelled while awaiting its sleep")
                < lines.indexOf("slow: finally runs (a real task would release its resources here)"), lines::toString);
        assertTrue(!lines.contains("slow: finished"), lines::toString);
        assertEquals(List.of("fast", "slow"), sample.cleanedUp);
    }

    @Test
    void aTimeoutFailsWithTimeoutExceptionAfterTheWorkerCleanedUp() {
        SelectAndCancel sample = new SelectAndCancel(new Narrator(false));
        try (Executor executor = Executor.currentThread()) {
            assertThrows(TimeoutException.class, () -> executor.blockOn(Futures.timeout(Duration.ofMillis(20),
                    SelectAndCancelAsync.worker(sample, "w", Duration.ofSeconds(5)))));
        }
        assertEquals(List.of("w"), sample.cleanedUp);
    }
}
