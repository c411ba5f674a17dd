package dev.ratchet.processor.lowering;

import dev.ratchet.processor.harness.Program;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Awaits in every expression position, each run against its synchronous twin under every
 * schedule: same value, same exception, same ordered log (the log records when each operand and
 * each future is evaluated).
 */
class ExpressionsTest {
    private static Program program;

    @BeforeAll
    static void compile() {
        program = Program.compile("Expressions");
    }

    @Test
    void methodArgumentsAndReceivers() {
        program.check("arguments");
        program.check("nestedArguments");
        program.check("statementCall");
        program.check("receiver");
        program.check("newObject");
    }

    @Test
    void operators() {
        program.check("binary");
        program.check("unary");
        program.check("concat", "ab");
        program.check("cast", "abc");
        program.check("cast", 5); // ClassCastException after the await
        program.check("instanceOf", "s");
        program.check("instanceOf", 1);
    }

    @Test
    void compoundAssignmentsSaveTheVariableBeforeTheRightSide() {
        program.check("compoundLocal");
        program.check("compoundField");
        program.check("compoundArray", false, 1);
        program.check("compoundArray", true, 1); // NPE before the right side's future is created
        program.check("compoundArray", false, 7); // AIOOBE before the right side's future is created
        program.check("compoundString");
    }

    @Test
    void assignmentsToArrayElementsAndFieldsCheckAfterTheRightSide() {
        program.check("assignArray", false, 2);
        program.check("assignArray", true, 2); // NPE after the right side (JLS 15.26.1)
        program.check("assignArray", false, 3); // AIOOBE after the right side
        program.check("assignField");
        program.check("increments", 1);
        program.check("arrays", 4);
        program.check("arrays", -1); // NegativeArraySizeException
    }

    @Test
    void conditionalsAndShortCircuits() {
        program.check("conditional", true);
        program.check("conditional", false);
        for (int n = -1; n <= 1; n++) program.check("conditionalChain", n);
        for (boolean a : new boolean[] {true, false}) {
            for (boolean b : new boolean[] {true, false}) program.check("shortCircuit", a, b);
        }
    }

    @Test
    void nestedAwaitsAndLoopHeaders() {
        program.check("nested");
        program.check("loopConditions", 3);
        program.check("loopConditions", 0);
    }

    @Test
    void implicitAwaitsInExpressions() {
        program.check("implicitArguments", 2);
        program.check("implicitInExpression", 3);
    }

    @Test
    void operandsAreReadBeforeLaterOperandsChangeThem() {
        program.check("fieldReadBeforeALaterOperand");
        program.check("localReadBeforeALaterOperand");
    }

    @Test
    void selectorsAndThrows() {
        program.check("switchOnExpression", 1);
        program.check("switchOnExpression", 2);
        program.check("throwExpression", "x");
    }

    @Test
    void lambdasCaptureEffectivelyFinalLocals() {
        program.check("capturesParameter", "p");
        program.check("capturesCopy", "secret");
        program.check("capturesPerIteration", 4);
        program.check("capturesCatchParameter");
        program.check("capturesInACondition");
    }

    @Test
    void localClassesBecomeMembersOfTheMachine() {
        program.check("localClass", 3);
    }

    @Test
    void switchExpressionsWithAwaitsInArrowCases() {
        for (int c = 0; c < 3; c++) {
            for (int n : new int[] {1, 5}) program.check("switchExpression", c, n);
        }
    }

    @Test
    void patternVariablesOfSplitConditionsLiveAcrossAwaits() {
        for (Object o : new Object[] {"abc", "a", 4, -1, 2.5}) program.check("patternBindings", o);
        program.check("patternInALoopCondition", java.util.List.of(1, 2, "x", 3));
        program.check("bindingInTheEnclosingScope", "abc");
        program.check("bindingInTheEnclosingScope", 1);
    }
}
