package dev.ratchet.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.processor.fuzz.Ast.Program;
import dev.ratchet.processor.harness.Schedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shrinking keeps the failure and ends 1-minimal; a planted twin bug is found, shrunk and written out. */
class ShrinkerTest {
    @Test
    void shrinksToOneMinimalProgramKeepingTheProperty() {
        for (long seed = 1; seed <= 5; seed++) {
            Program p = new ProgramGenerator(seed).generate("P1");
            // The property: a particular, deeply placed log statement is still there.
            String mark = lastLogMark(Printer.async(p));
            Predicate<Program> keeps = q -> Printer.async(q).contains("\"" + mark + " ");
            Shrinker shrinker = new Shrinker(candidates -> indexOf(candidates, keeps), Long.MAX_VALUE);
            Program small = shrinker.shrink(p);
            assertTrue(keeps.test(small));
            assertEquals(1, Reductions.size(small), () -> Printer.async(small));
            for (Program r : Reductions.of(small)) assertFalse(keeps.test(r), "not 1-minimal: a reduction keeps the property");
            assertTrue(Reductions.size(p) > 1);
        }
    }

    /**
     * A planted bug: a twin that forgets the first statement of every catch block. Programs that
     * catch then differ from their twins; the real judge (compiling candidates in batches) must
     * shrink one to a few statements that still show the difference.
     */
    @Test
    void aPlantedTwinBugIsFoundShrunkAndWrittenAsATest(@TempDir Path out) throws Exception {
        ProgramGenerator.Config small = new ProgramGenerator.Config(false, java.util.Set.of(), 2, 8, 3, 100).withoutKnownBugs();
        java.util.function.Function<Program, Unit> mutant = p -> new Unit(p.name(), p.member(), Printer.async(p),
                Printer.twin(PlantedBug.forgetFirstStatementOfCatches(p)), p.root().name(), p.rootArgs());
        try (Oracle oracle = new Oracle()) {
            for (int i = 0; ; i++) {
                assertTrue(i < 200, "no generated program exposed the planted bug");
                Program p = new ProgramGenerator(1000 + i, small).generate("P" + i);
                if (!Printer.async(p).contains("catch (")) continue;
                Unit u = mutant.apply(p);
                BatchCompiler.Result compiled = BatchCompiler.compile(List.of(u));
                assertTrue(compiled.compiled(u.name()), () -> compiled.asyncErrors() + " " + compiled.invalid());
                Finding f = oracle.check(compiled.loader(), u, new Random(0));
                if (f == null) continue;
                assertEquals(Finding.Kind.MISMATCH, f.kind(), f::toString);
                Shrinker shrinker = new Shrinker(Shrinker.judge(oracle, f, mutant), 30_000);
                Program shrunk = shrinker.shrink(p);
                assertTrue(Reductions.size(shrunk) <= Math.max(4, Reductions.size(p) / 2),
                        () -> "shrunk only to " + Reductions.size(shrunk) + " statements:\n" + Printer.async(shrunk));
                Unit su = mutant.apply(shrunk);
                BatchCompiler.Result again = BatchCompiler.compile(List.of(su));
                Finding still = oracle.check(again.loader(), su, f.mode());
                assertTrue(still != null && still.signature().equals(f.signature()), "the shrunk program lost the failure");
                Path file = RegressionWriter.write(out, shrunk, still, 1000, i);
                String test = Files.readString(file);
                assertTrue(test.contains("@Test") && test.contains(su.async().lines().filter(l -> l.contains("catch (")).findFirst().orElseThrow().strip()));
                assertTrue(test.contains("new Plan(Schedule." + f.mode().plan().schedule() + ", " + f.mode().plan().neverAt() + ")"));
                return;
            }
        }
    }

    @Test
    void aWrittenRegressionTestCompilesAndItsCaseReplays(@TempDir Path out) throws Exception {
        Program p = new ProgramGenerator(3).generate("P3");
        Oracle.Mode mode = new Oracle.Mode(Oracle.DriverKind.CURRENT_THREAD, new Plan(Schedule.FAILING, 0));
        Finding f = new Finding(Finding.Kind.MISMATCH, "P3", mode, "expected x\n  actual y */ not a comment end");
        Path file = RegressionWriter.write(out, p, f, 42, 3);
        String source = Files.readString(file);
        var c = com.google.testing.compile.Compiler.javac()
                .compile(com.google.testing.compile.JavaFileObjects.forSourceString("dev.ratchet.processor.fuzz.FuzzFinding_42_3Test", source));
        assertEquals(com.google.testing.compile.Compilation.Status.SUCCESS, c.status(), () -> c.errors() + "\n" + source);
        // What the written test runs: the same case, which agrees (this program has no bug).
        Unit u = Unit.of(p);
        FuzzCase replay = FuzzCase.of(u.name(), u.root(), u.args(), textBlockContent(source, 0), textBlockContent(source, 1));
        (u.member() == null ? replay : replay.inMember(u.member())).assertAgreesUnder(mode.driver(), mode.plan());
        assertEquals(Printer.async(p), textBlockContent(source, 0));
        assertEquals(Printer.twin(p), textBlockContent(source, 1));
    }

    /** The {@code n}-th text block of a written test, as javac would read it. */
    private static String textBlockContent(String source, int n) {
        Matcher m = Pattern.compile("\"\"\"\n(.*?)\"\"\"", Pattern.DOTALL).matcher(source);
        for (int i = 0; i <= n; i++) assertTrue(m.find());
        return m.group(1).stripIndent().translateEscapes();
    }

    private static int indexOf(List<Program> candidates, Predicate<Program> p) {
        for (int i = 0; i < candidates.size(); i++) if (p.test(candidates.get(i))) return i;
        return -1;
    }

    private static String lastLogMark(String source) {
        Matcher m = Pattern.compile("Fx\\.log\\(\\(\"(s\\d+) ").matcher(source);
        String last = null;
        while (m.find()) last = m.group(1);
        return last;
    }
}
