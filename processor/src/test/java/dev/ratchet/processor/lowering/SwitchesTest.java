package dev.ratchet.processor.lowering;

import dev.ratchet.processor.harness.Program;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Switch statements with awaits in cases and selector, old and arrow forms, under every schedule. */
class SwitchesTest {
    private static Program program;

    @BeforeAll
    static void compile() {
        program = Program.compile("Switches");
    }

    @Test
    void oldStyleWithFallThroughAndLocalsSharedAcrossCases() {
        for (int n = 0; n <= 4; n++) program.check("oldStyle", n);
    }

    @Test
    void arrowForm() {
        for (String s : new String[] {"a", "b", "c", "t", "z"}) program.check("arrowForm", s);
    }

    @Test
    void awaitedSelector() {
        for (int n = 0; n < 3; n++) program.check("switchOnAwait", n);
    }

    @Test
    void enumConstantsAndReturnsInCases() {
        for (TimeUnit u : new TimeUnit[] {TimeUnit.SECONDS, TimeUnit.MILLISECONDS, TimeUnit.DAYS}) program.check("enumSwitch", u);
    }

    @Test
    void localConstantsStayConstantsForCaseLabels() {
        for (int n = 1; n <= 3; n++) program.check("localConstantsAsCaseLabels", n);
    }

    @Test
    void breakAndContinueOfAnEnclosingLoop() {
        program.check("breakOutOfLoopFromSwitch", 10);
    }
}
