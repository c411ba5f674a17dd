package dev.ratchet.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ratchet.processor.harness.Program;
import dev.ratchet.processor.harness.Schedule;
import org.junit.jupiter.api.Test;

/**
 * User code may use any language level the running javac supports: pattern switches with guards
 * and record patterns in statements around awaits (runs when javac is 21 or newer).
 */
class ModernJavaTest {
    @Test
    void patternSwitchWithGuardsNextToAwaits() {
        assumeTrue(Runtime.version().feature() >= 21, "needs javac 21+");
        Program program = Program.compileSource("Modern", """
                package programs;

                import static dev.ratchet.Futures.await;
                import static dev.ratchet.processor.harness.Io.value;

                import dev.ratchet.Async;

                class Modern {
                    int limit = 3;

                    record Pair(Object left, Object right) {}

                    @Async
                    String describe(Object o) {
                        String kind = switch (o) {
                            case String s when s.length() > limit -> "long " + s;
                            case String s -> "short " + s;
                            case Pair(String a, Integer b) -> "pair " + a + b;
                            default -> "other";
                        };
                        String awaited = await(value(kind));
                        int limit = awaited.length();
                        if (o instanceof Pair(var l, var r)) return awaited + l + r + limit;
                        return awaited + limit;
                    }
                }
                """);
        assertEquals("long abcd9", program.check("describe", "abcd").get(Schedule.READY).value());
        program.check("describe", "ab");
        program.check("describe", new Object());
    }
}
