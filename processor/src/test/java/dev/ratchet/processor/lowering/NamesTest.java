package dev.ratchet.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratchet.processor.harness.Program;
import dev.ratchet.processor.harness.Schedule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** User names that collide with generated ones (state, self, cx, ready, State, labels), varargs, enums. */
class NamesTest {
    private static Program program;

    @BeforeAll
    static void compile() {
        program = Program.compile("Names");
    }

    @Test
    void userNamesWinAndGeneratedNamesStepAside() {
        assertEquals("3user State277", program.check("clashing", 3, new String[] {"a", "b"}).get(Schedule.READY).value());
    }

    @Test
    void enumReceiver() {
        assertEquals("slow41", program.check("enumReceiver", 4).get(Schedule.PENDING_ONCE).value());
    }
}
