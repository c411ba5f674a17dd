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

    @Test
    void patternSwitchStatementWithAwaitsInCasesAndGuards() {
        assumeTrue(Runtime.version().feature() >= 21, "needs javac 21+");
        Program program = Program.compileSource("Patterns", """
                package programs;

                import static dev.ratchet.Futures.await;
                import static dev.ratchet.processor.harness.Io.log;
                import static dev.ratchet.processor.harness.Io.value;

                import dev.ratchet.Async;

                class Patterns {
                    record Circle(int r) {}

                    enum Color { RED, GREEN }

                    @Async
                    String describe(Object o) {
                        switch (o) {
                            case null -> log("null");
                            case Circle c when c.r() > await(value(10)) -> log("big circle " + await(value(c.r())));
                            case Circle c -> {
                                int a = await(value(c.r() * 3));
                                log("circle " + a + c);
                            }
                            case String s -> log("string " + await(value(s.length())) + s);
                            case Integer i when i > 3 -> log("int " + i);
                            default -> log("other " + await(value(o.toString())));
                        }
                        return "done";
                    }

                    @Async
                    String colors(Color c) {
                        switch (c) {
                            case null -> { return "none"; }
                            case RED -> log("red " + await(value(1)));
                            default -> log("other " + await(value(2)));
                        }
                        return c.name();
                    }
                }
                """);
        for (Object o : new Object[] {null, "abc", 2, 5, 1.5}) program.check("describe", o);
        program.check("colors", (Object) null);
    }

    @Test
    void recordPatternsInCasesThatAwaitAreAPreciseError() {
        assumeTrue(Runtime.version().feature() >= 21, "needs javac 21+");
        com.google.testing.compile.Compilation c = com.google.testing.compile.Compiler.javac()
                .withProcessors(new dev.ratchet.processor.AsyncProcessor())
                .compile(com.google.testing.compile.JavaFileObjects.forSourceString("p.R", """
                        package p;

                        import static dev.ratchet.Futures.await;

                        import dev.ratchet.Async;
                        import dev.ratchet.Futures;

                        class R {
                            record Point(int x, int y) {}

                            @Async
                            int m(Object o) {
                                switch (o) {
                                    case Point(int x, int y) -> { return await(Futures.ready(x + y)); }
                                    default -> { return 0; }
                                }
                            }
                        }
                        """));
        com.google.testing.compile.CompilationSubject.assertThat(c).hadErrorContaining("[ratchet:UnsupportedSwitch]");
        com.google.testing.compile.CompilationSubject.assertThat(c).hadErrorCount(1);
    }

    @Test
    void unnamedVariablesAcrossAwaits() {
        assumeTrue(Runtime.version().feature() >= 22, "needs javac 22+");
        Program program = Program.compileSource("Unnamed", """
                package programs;

                import static dev.ratchet.Futures.await;
                import static dev.ratchet.processor.harness.Io.log;
                import static dev.ratchet.processor.harness.Io.value;

                import dev.ratchet.Async;
                import java.util.List;

                class Unnamed {
                    @Async
                    int count(List<Integer> xs) {
                        int n = 0;
                        for (var _ : xs) {
                            var _ = await(value(1));
                            n++;
                        }
                        try {
                            await(value(0));
                            throw new IllegalStateException();
                        } catch (IllegalStateException _) {
                            log("caught");
                        }
                        return n;
                    }
                }
                """);
        program.check("count", java.util.List.of(1, 2, 3));
    }
}
