package dev.ratchet.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratchet.processor.harness.Program;
import dev.ratchet.processor.harness.Schedule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Constructs combined: retry loops, jumps through finally, lambdas per iteration, switch in loop. */
class MixedTest {
    private static Program program;

    @BeforeAll
    static void compile() {
        program = Program.compile("Mixed");
    }

    @Test
    void retryLoopWithContinueThroughFinally() {
        program.check("retryLoop", 2);
        program.check("retryLoop", 9);
    }

    @Test
    void doWhileContinueEvaluatesTheCondition() {
        program.check("doWhileContinue", 7);
    }

    @Test
    void eachLambdaCapturesItsOwnIteration() {
        assertEquals(List.of(1, 2, 5, 10), program.check("lambdasPerIteration", 4).get(Schedule.OTHER_THREAD).value());
    }

    @Test
    void switchExpressionsWithoutAwaitStayAsWritten() {
        for (int n = 0; n < 3; n++) program.check("switchExpressionWithoutAwait", n);
    }

    @Test
    void tryInsideSwitchInsideLoop() {
        program.check("tryInsideSwitchInsideLoop", 7);
    }

    @Test
    void returnFromNestedLoopsThroughFinally() {
        program.check("returnFromNestedLoopsThroughFinally", 13);
        program.check("returnFromNestedLoopsThroughFinally", 99);
    }

    @Test
    void exceptionFromFinallyReplacesTheOriginal() {
        program.check("exceptionFromFinallyReplacesTheOriginal", 0);
        program.check("exceptionFromFinallyReplacesTheOriginal", 1);
    }
}
