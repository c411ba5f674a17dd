package dev.ratchet.processor.harness;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ratchet.debug.AsyncBacktrace;
import java.util.List;

/**
 * Frames of async backtraces, written as tests expect them: {@code programs.Backtraces.level4
 * (Backtraces.java:31)}, where line 31 of the test program ends with the comment {@code //
 * LEVEL4_AWAIT}, the marker.
 *
 * <pre>{@code
 * Frames frames = new Frames("Backtraces");
 * assertEquals(List.of(frames.at("level5", null), frames.at("level4", "LEVEL4_AWAIT")), Frames.of(e));
 * }</pre>
 */
public final class Frames {
    private final String program;
    private final List<String> lines;

    /** For the test program {@code programs/<program>.java}. */
    public Frames(String program) {
        this.program = program;
        this.lines = Program.resource("programs/" + program + ".java").lines().toList();
    }

    /** {@code method} at the line that ends with {@code // marker}; with no line for a null marker. */
    public String at(String method, String marker) {
        String prefix = "programs." + program + "." + method + "(" + program + ".java";
        if (marker == null) return prefix + ")";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// " + marker)) return prefix + ":" + (i + 1) + ")";
        }
        throw new AssertionError("no marker " + marker + " in " + program);
    }

    /** The frames of {@code failure}'s async backtrace, as text; fails if it has none. */
    public static List<String> of(Throwable failure) {
        AsyncBacktrace trace = AsyncBacktrace.of(failure);
        assertNotNull(trace, "no async backtrace on " + failure);
        return trace.frames().stream().map(StackTraceElement::toString).toList();
    }
}
