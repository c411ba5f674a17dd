package dev.ratchet.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.processor.harness.Program;
import dev.ratchet.processor.harness.Schedule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Declaration shapes: generics, members, records, interfaces, nested classes, rounds. */
class ShapesTest {
    private static Program program;

    @BeforeAll
    static void compile() {
        program = Program.compile("Shapes");
    }

    @Test
    void aMethodWithOneHundredThirtyAwaitsRunsLikeTheSynchronousOne() {
        long expected = 1;
        for (int k = 0; k < 130; k++) expected += k % 7;
        assertEquals(expected, program.check("manyStates", 1L).get(Schedule.PENDING_ONCE).value());
        String source = program.generatedSource("ShapesAsyncMachines");
        assertTrue(source.contains("private State state = State.START;"), "state field of ManyStates");
        assertTrue(source.contains("AWAIT_VALUE_L"), "states of ManyStates named after their awaits");
    }

    @Test
    void genericMethod() {
        assertEquals("c", program.check("maxOf", List.of("a", "c", "b")).get(Schedule.READY).value());
    }

    @Test
    void instanceAndStaticMembersAndThis() {
        assertEquals("[p:shapes3]2", program.check("usesMembers", 3).get(Schedule.OTHER_THREAD).value());
    }

    @Test
    void completionStageAwait() {
        assertTrue(program.generatedSource("ShapesAsyncMachines").contains("awaitOn(Futures.fromCompletionStage(CompletableFuture.completedFuture(s + \"!\")));"));
        try {
            dev.ratchet.Futures.fromCompletionStage(java.util.concurrent.CompletableFuture.completedFuture(1))
                    .poll(dev.ratchet.Context.of(dev.ratchet.Waker.noop()));
        } catch (UnsupportedOperationException placeholder) {
            org.junit.jupiter.api.Assumptions.abort("the runtime's CompletionStage adapter is still a placeholder");
        }
        program.check("completionStage", "s");
    }

    @Test
    void lambdasMethodReferencesAndAnonymousClassesWithoutAwait() {
        program.check("lambdasWithoutAwait", List.of("a", "b"));
    }

    @Test
    void bodyReferringToItsOwnCompanionIsGeneratedInALaterRound() {
        assertEquals("twice=10", program.check("selfCompanion", 5).get(Schedule.PENDING_ONCE).value());
        assertTrue(program.compilation().generatedSourceFile("programs.ShapesAsyncMachines").isPresent());
    }

    @Test
    void implicitAwaitAcrossClassesAndNestedClasses() {
        assertEquals("other2" + "22", program.check("crossClass", 2).get(Schedule.READY).value());
        assertTrue(program.compilation().generatedSourceFile("programs.Other_InnerAsync").isPresent());
    }

    @Test
    void awaitAssignedToAFieldOfTheReceiver() {
        program.check("assignsAwaitToField", 1);
    }

    @Test
    void capturedWildcardTypesOfVarLocals() {
        program.check("wildcard", List.of(1, 2.5));
    }

    @Test
    void genericClassInstanceMethodWithItsOwnTypeParameter() {
        java.util.function.Function<Object, String> f = String::valueOf;
        assertEquals("null", program.check("Box.map", f).get(Schedule.READY).value());
    }

    @Test
    void recordComponentFieldsBecomeAccessorCalls() {
        assertEquals(11, program.check("Point.sum").get(Schedule.PENDING_ONCE).value());
        // Shapes.java names its companions, so its machines are written a round later, beside them.
        assertTrue(program.generatedSource("Shapes_PointAsyncMachines").contains("self.y() + self.y()"));
    }

    @Test
    void interfaceDefaultAndStaticMethods() {
        assertEquals("hello named", program.check("Greeter.greet").get(Schedule.OTHER_THREAD).value());
        assertEquals("HI", program.check("Greeter.shout", "hi").get(Schedule.READY).value());
    }

    @Test
    void arrays() {
        program.check("arrays", 4);
    }
}
