package dev.ratchet.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratchet.processor.harness.Program;
import dev.ratchet.processor.harness.Schedule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every loop form, break/continue with and without labels, under every schedule. */
class LoopsTest {
    private static Program program;

    @BeforeAll
    static void compile() {
        program = Program.compile("Loops");
    }

    @Test
    void forLoopWithSeveralInitsAndUpdates() {
        program.check("forLoop", 5);
        program.check("forLoop", 0);
    }

    @Test
    void doWhile() {
        program.check("doWhile", 3);
        program.check("doWhile", 0);
    }

    @Test
    void whileWithAwaitedCondition() {
        program.check("whileAwaitCondition", 4);
    }

    @Test
    void enhancedForOverArray() {
        program.check("enhancedForArray", (Object) new String[] {"a", "b", "c"});
    }

    @Test
    void enhancedForOverIterableWithBreak() {
        program.check("enhancedForIterable", List.of(1, 2, 300, 4));
    }

    @Test
    void enhancedForUnboxing() {
        program.check("enhancedForPrimitiveFromBoxes", List.of(1, 2, 3));
    }

    @Test
    void enhancedForOverAnAwaitedIterable() {
        assertEquals(List.of("aa", "bb", "cc"), program.check("enhancedForOverAwait").get(Schedule.READY).value());
    }

    @Test
    void enhancedForWithVarOverMapEntries() {
        assertEquals("a1b2", program.check("mapEntries").get(Schedule.PENDING_ONCE).value());
    }

    @Test
    void labeledBreakAndContinue() {
        program.check("labeledBreakContinue", 4);
    }

    @Test
    void breakAndContinueInsideStatementsWithoutAwait() {
        program.check("breakContinueInsideSimpleStatements", 6);
    }

    @Test
    void nestedLoops() {
        program.check("nestedLoopsWithAwaits", 4);
    }

    @Test
    void labeledBlock() {
        program.check("labeledBlock", 5);
        program.check("labeledBlock", 2);
    }

    @Test
    void sameNameInSiblingScopes() {
        program.check("scopes", 0);
    }

    @Test
    void loopOverReadyFuturesYieldsToTheExecutor() {
        program.check("loopOverReadyFutures", 50);
    }
}
