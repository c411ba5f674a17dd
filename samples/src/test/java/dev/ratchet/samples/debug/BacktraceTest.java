package dev.ratchet.samples.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.samples.Narrator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktraceTest {
    @Test
    void theFailureListsTheAsyncChainWithTheLineOfEachAwait() throws Exception {
        Narrator n = new Narrator(false);
        List<StackTraceElement> frames = Backtrace.run(n);
        assertEquals(List.of("reserve", "pack", "fulfil", "ship", "placeOrder"),
                frames.stream().map(StackTraceElement::getMethodName).toList());
        assertEquals(-1, frames.get(0).getLineNumber(), "the thrower: its real stack trace has the line");
        List<String> source = java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("src/main/java/dev/ratchet/samples/debug/Backtrace.java"));
        // Each caller's frame points at the line of the call it was awaiting.
        assertTrue(source.get(frames.get(1).getLineNumber() - 1).contains("reserve(item)"), frames.get(1).toString());
        assertTrue(source.get(frames.get(2).getLineNumber() - 1).contains("pack(item)"), frames.get(2).toString());
        assertTrue(source.get(frames.get(3).getLineNumber() - 1).contains("fulfil(items)"), frames.get(3).toString());
        assertTrue(source.get(frames.get(4).getLineNumber() - 1).contains("await(shipping)"), frames.get(4).toString());
        assertTrue(n.lines().stream().anyMatch(l -> l.contains("Suppressed: dev.ratchet.debug.AsyncBacktrace")), n.lines()::toString);
        // placeOrder ran in another task: it is in the async backtrace, not in the Java stack trace.
        assertTrue(n.lines().stream().noneMatch(l -> l.contains("$PlaceOrder.poll")), n.lines()::toString);
    }
}
