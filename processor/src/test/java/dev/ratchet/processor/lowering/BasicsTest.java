package dev.ratchet.processor.lowering;

import dev.ratchet.processor.harness.Program;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Straight-line awaits, if/else, while, return and exceptions, under every schedule. */
class BasicsTest {
    private static Program program;

    @BeforeAll
    static void compile() {
        program = Program.compile("Basics");
    }

    @Test
    void straightLine() {
        program.check("straightLine", 5);
    }

    @Test
    void ifElse() {
        program.check("ifElse", 3);
        program.check("ifElse", 0);
        program.check("ifElse", -2);
    }

    @Test
    void whileLoop() {
        program.check("whileLoop", 10);
        program.check("whileLoop", 0);
    }

    @Test
    void earlyReturnFromInfiniteLoop() {
        program.check("earlyReturn", 3);
    }

    @Test
    void voidMethod() {
        program.check("voidMethod", "s");
    }

    @Test
    void checkedExceptionCompletesTheFuture() {
        program.check("throwing", 1);
        program.check("throwing", 2);
    }

    @Test
    void implicitAwaitOfAsyncMethods() {
        program.check("implicitAwait", 4);
    }

    @Test
    void throwAwait() {
        program.check("throwAwait");
    }

    @Test
    void returnAwait() {
        program.check("returnAwait", 41);
    }
}
