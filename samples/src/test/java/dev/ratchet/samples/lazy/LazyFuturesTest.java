package dev.ratchet.samples.lazy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Future;
import dev.ratchet.runtime.Executor;
import dev.ratchet.samples.Narrator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class LazyFuturesTest {
    @Test
    void creatingAFutureRunsNothingUntilItIsPolled() {
        Narrator n = new Narrator(false);
        Future<String> f = LazyFuturesAsync.greet(new LazyFutures(n), "x");
        assertEquals(List.of(), n.lines(), "the body ran before the first poll");
        try (Executor executor = Executor.currentThread()) {
            assertEquals("hello from x", executor.blockOn(f));
        }
        assertEquals(List.of("greet(x) runs"), n.lines());
    }

    @Test
    void aFutureCancelledBeforeItsFirstPollNeverRuns() {
        Narrator n = new Narrator(false);
        Future<String> f = LazyFuturesAsync.greet(new LazyFutures(n), "x");
        f.cancel();
        try (Executor executor = Executor.currentThread()) {
            assertThrows(CancellationException.class, () -> executor.blockOn(f));
        }
        assertEquals(List.of(), n.lines());
    }

    @Test
    void theTourRunsAwaitedAndSpawnedFuturesButNeverTheForgottenOne() {
        List<String> lines = LazyFutures.run().lines();
        assertTrue(lines.contains("greet(spawned) runs"), lines::toString);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("greet(never awaited)")), lines::toString);
        // The direct call runs only after both futures were created, and before the awaited one.
        int created = lines.indexOf("tour: created two futures, none ran yet");
        int direct = lines.indexOf("greet(called directly) runs");
        int awaited = lines.indexOf("greet(awaited) runs");
        assertTrue(0 <= created && created < direct && direct < awaited, lines::toString);
    }
}
