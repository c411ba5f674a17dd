package dev.ratchet.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.processor.fuzz.Ast.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator is reproducible, its programs are valid Java, and they cover the statement forms. */
class ProgramGeneratorTest {
    @Test
    void sameSeedSameProgramDifferentSeedsDifferentPrograms() {
        String a = Printer.async(new ProgramGenerator(7).generate("P1"));
        assertEquals(a, Printer.async(new ProgramGenerator(7).generate("P1")));
        assertNotEquals(a, Printer.async(new ProgramGenerator(8).generate("P1")));
        // A campaign's program i can be regenerated alone.
        assertEquals(Printer.async(Fuzzer.program(3, 17, ProgramGenerator.Config.DEFAULT)),
                Printer.async(Fuzzer.program(3, 17, ProgramGenerator.Config.DEFAULT)));
    }

    @Test
    void twinsOfTwoHundredProgramsCompile() {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 200; i++) units.add(Unit.of(Fuzzer.program(11, i, ProgramGenerator.Config.DEFAULT)));
        Map<String, String> invalid = BatchCompiler.invalidTwins(units);
        assertTrue(invalid.isEmpty(), () -> "invalid programs: " + invalid);
    }

    @Test
    void twinsWithAwaitsInsideExpressionsCompileToo() {
        ProgramGenerator.Config config = ProgramGenerator.Config.DEFAULT.withAwaitInExpressions(true);
        List<Unit> units = new ArrayList<>();
        String all = "";
        for (int i = 0; i < 60; i++) {
            Program p = Fuzzer.program(12, i, config);
            units.add(Unit.of(p));
            all += Printer.async(p);
        }
        Map<String, String> invalid = BatchCompiler.invalidTwins(units);
        assertTrue(invalid.isEmpty(), () -> "invalid programs: " + invalid);
        // Some await is an operand, not a whole statement or header.
        assertTrue(all.matches("(?s).*[-+*/(,] await\\(.*|.*\\(await\\(Fx.io\\([^;]*\\)\\) [-+*/<=>].*"), "no await inside an expression");
    }

    /** Seed 20261211 #9064 declared {@code var} from a conditional of two awaits (a Double), then cast it to int. */
    @Test
    void aConditionalOfAwaitsIsNotDeclaredWithVar() {
        Program p = Fuzzer.program(20261211, 9064, ProgramGenerator.Config.DEFAULT.withAwaitInExpressions(true));
        Map<String, String> invalid = BatchCompiler.invalidTwins(List.of(Unit.of(p)));
        assertTrue(invalid.isEmpty(), () -> "invalid program: " + invalid);
    }

    @Test
    void programsUseEveryStatementFormAndAwaitShape() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 100; i++) all.append(Printer.async(Fuzzer.program(13, i, ProgramGenerator.Config.DEFAULT)));
        String text = all.toString();
        for (String form : List.of(
                "for (int ", "while (", "} while (", ": for (", "continue ", "break ", "switch (", " -> {", "default:",
                "try (Fx.Res ", "} catch (", "} finally {", "throw ", "return ", "if (!await(", "while (await(",
                "switch (await(", "for (int x", ": await(Fx.io(", "throw await(", "return await(", "= await(Fx.io(",
                "Fx.maybeThrow(", "catch (IoException", "yield ", "acc", "Fx.tap(", "enum ", "static class Holder",
                "int... ", "var ")) {
            assertTrue(text.contains(form), "no program contains " + form);
        }
        // Implicit awaits: a direct call of another generated method, as a statement and as a value.
        assertTrue(text.matches("(?s).*\\n\\s+m[1-9]\\(.*"), "no call statement");
        assertTrue(text.matches("(?s).* = m[1-9]\\(.*"), "no call as a value");
    }
}
