package dev.ratchet.processor.lowering;

import dev.ratchet.processor.harness.Program;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** try/catch/finally and try-with-resources with awaits in every part, under every schedule. */
class TriesTest {
    private static Program program;

    @BeforeAll
    static void compile() {
        program = Program.compile("Tries");
    }

    @Test
    void catchClausesSeeAwaitFailuresAndBodyExceptions() {
        for (int n = 0; n <= 3; n++) program.check("catchAwaitFailure", n);
    }

    @Test
    void finallyRunsOnNormalReturnAndExceptionalExit() {
        for (int n = 0; n <= 2; n++) program.check("finallyRunsOnEveryPath", n);
    }

    @Test
    void finallyRunsOnBreakAndContinue() {
        program.check("finallyInLoopWithBreakContinue", 5);
    }

    @Test
    void nestedTriesWithReturnsThroughTwoFinallies() {
        for (int n = 0; n <= 2; n++) program.check("nestedTries", n);
    }

    @Test
    void multiCatch() {
        for (int n = 0; n <= 2; n++) program.check("multiCatch", n);
    }

    @Test
    void catchThatThrowsStillRunsFinally() {
        program.check("catchRethrows", 1);
    }

    @Test
    void finallyThatBreaksDiscardsTheReturn() {
        program.check("finallyOverridesReturn", 2);
    }

    /**
     * A return, break or continue inside a try whose finally cannot complete normally never
     * arrives (JLS 14.22): javac rejects any code the machine would put after it.
     */
    @Test
    void jumpsStoppedByAFinallyThatThrows() {
        for (int n = 0; n <= 1; n++) {
            program.check("finallyThatThrowsSwallowsTheReturn", n);
            program.check("returnThroughThrowingFinallyWithoutAwait", n);
            program.check("breakThroughThrowingFinally", n);
            program.check("continueThroughThrowingFinally", n);
        }
    }

    @Test
    void tryWithoutAwaitKeptAsWritten() {
        program.check("tryWithoutAwaitInsideAsyncBody", 0);
        program.check("tryWithoutAwaitInsideAsyncBody", 1);
    }

    @Test
    void tryWithResourcesClosesInReverseOrderWithSuppressed() {
        for (int n = 0; n <= 3; n++) program.check("tryWithResources", n);
        program.check("tryWithResourcesSuppressed", 0);
    }

    @Test
    void tryWithResourcesOverAnExistingVariable() {
        program.check("tryWithExistingResource", 0);
    }

    @Test
    void tryWithAnAwaitedResource() {
        program.check("tryWithAwaitedResource", 0);
    }
}
