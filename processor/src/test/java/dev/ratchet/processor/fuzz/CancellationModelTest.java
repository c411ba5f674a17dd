package dev.ratchet.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.processor.harness.Schedule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference's cancellation model ({@link Ref}) says what SPEC.md "Cancellation" says — checked
 * against hand-written expectations, not only against the processor (which could share a mistake).
 */
class CancellationModelTest {
    private static final String BODY = """
            int root(int n) throws Exception {
                try {
                    try {
                        Fx.log("before");
                        child(n);
                        Fx.log("not reached");
                    } catch (IllegalStateException e) {
                        Fx.log("caught " + Fx.describe(e));
                        await(Fx.io(1));
                        Fx.log("not reached either");
                    } finally {
                        Fx.log("inner finally");
                    }
                } finally {
                    Fx.log("outer finally");
                }
                return 1;
            }

            int child(int n) throws Exception {
                try {
                    await(Fx.io(n));
                    await(Fx.io(n));
                    return n;
                } finally {
                    Fx.log("child finally");
                    if (n > 0) throw new Fx.Boom("cleanup failed");
                }
            }
            """;

    private static Unit unit;
    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        String async = source("C1", "@Async ", "import static dev.ratchet.Futures.await;\nimport dev.ratchet.Async;");
        String twin = Printer.twinName("C1");
        String twinSource = """
                package fuzz;

                import static dev.ratchet.processor.fuzz.Ref.await;
                import dev.ratchet.processor.fuzz.Fx;
                import dev.ratchet.processor.fuzz.Ref;

                class %s {
                    int root(int n) throws Exception {
                %s
                    }

                    int child(int n) throws Exception {
                        Ref.enter();
                        try {
                            return Ref.leave(child$body(n));
                        } catch (Throwable $t) {
                            throw Ref.rethrow($t);
                        }
                    }

                    int child$body(int n) throws Exception {
                %s
                    }
                }
                """.formatted(twin, part(BODY, "int root", "int child"), part(BODY, "int child", null));
        unit = new Unit("C1", null, async, twinSource, "root", List.of(1));
        BatchCompiler.Result r = BatchCompiler.compile(List.of(unit));
        assertTrue(r.compiled("C1"), () -> r.asyncErrors() + " " + r.invalid());
        loader = r.loader();
    }

    @Test
    void cancelledAtTheSecondAwaitRunsEnclosingCleanupInOrderAndCompletesCancelled() {
        try (Oracle oracle = new Oracle()) {
            Oracle.Outcome ref = oracle.reference(loader, unit, new Plan(Schedule.READY, 2));
            // The child's failing cleanup is seen by its caller as cancellation (suppressing it);
            // the catch runs, its await throws again at once, both finally blocks run, in order.
            assertEquals(List.of("before", "never #2 cancelled", "never #2 cleaned up", "child finally",
                    "caught java.util.concurrent.CancellationException suppressed [dev.ratchet.processor.fuzz.Fx$Boom: cleanup failed]",
                    "inner finally", "outer finally"), ref.log());
            assertEquals("java.util.concurrent.CancellationException", ref.failure());
            assertNull(ref.value());
            // ... and the processor's state machines agree, on every driver.
            for (Oracle.DriverKind d : Oracle.DriverKind.values()) {
                Finding f = oracle.check(loader, unit, new Oracle.Mode(d, new Plan(Schedule.OTHER_THREAD, 2)));
                assertNull(f, () -> String.valueOf(f));
            }
        }
    }

    @Test
    void withoutCancellationTheSameProgramFailsWithItsCleanupException() {
        try (Oracle oracle = new Oracle()) {
            Oracle.Outcome ref = oracle.reference(loader, unit, Plan.of(Schedule.READY));
            // Not cancelled, the cleanup's Boom is no IllegalStateException: it passes the catch.
            assertEquals(List.of("before", "child finally", "inner finally", "outer finally"), ref.log());
            assertEquals("dev.ratchet.processor.fuzz.Fx$Boom: cleanup failed", ref.failure());
        }
    }

    private static String source(String name, String annotation, String imports) {
        String body = BODY.replace("int root(", annotation + "int root(").replace("int child(", annotation + "int child(");
        return "package fuzz;\n\n" + imports + "\nimport dev.ratchet.processor.fuzz.Fx;\n\nclass " + name + " {\n" + body + "}\n";
    }

    /** The body (between the braces) of the method starting at {@code from}, up to {@code to}. */
    private static String part(String text, String from, String to) {
        String method = text.substring(text.indexOf(from), to == null ? text.length() : text.indexOf(to));
        return method.substring(method.indexOf('{') + 1, method.lastIndexOf('}'));
    }
}
