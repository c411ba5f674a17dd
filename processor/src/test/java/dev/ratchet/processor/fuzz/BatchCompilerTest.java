package dev.ratchet.processor.fuzz;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.CompilationFailureException;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BatchCompiler} when javac itself crashes: the batch is bisected, the program javac
 * crashes on as written is set apart as javac's (not the processor's), the others compile. Uses a
 * javac bug present in javac 17.0.15 and 25.0.3 (FUZZING.md, "javac bugs"); skipped on a javac
 * that no longer crashes on it.
 */
class BatchCompilerTest {
    /** The body of a method javac crashes on: ArrayIndexOutOfBoundsException in Gen.handleSwitch. */
    private static final String CRASHES_JAVAC = "boolean b = ((switch (Math.floorMod(p0, 3)) { case 0 -> false; case 1 -> false; default -> false; })"
            + " && (switch (Math.floorMod(4, 3)) { case 0 -> true; case 1 -> true; default -> false; }));";

    @Test
    void aProgramJavacCrashesOnAsWrittenIsJavacsNotTheProcessors() {
        assumeTrue(javacCrashesOn(source("Probe", "", CRASHES_JAVAC)), "this javac does not crash on the trigger");
        List<Unit> units = List.of(unit("P1", "Fx.log(\"one\");"), unit("P2", CRASHES_JAVAC), unit("P3", "Fx.log(\"three\");"));
        BatchCompiler.Result r = BatchCompiler.compile(units);
        assertEquals(List.of("P2"), List.copyOf(r.javacCrashes().keySet()));
        assertTrue(r.javacCrashes().get("P2").startsWith("javac crash in the synchronous twin (javac "), r.javacCrashes().get("P2"));
        assertTrue(r.asyncErrors().isEmpty(), r.asyncErrors()::toString);
        assertTrue(r.invalid().isEmpty(), r.invalid()::toString);
        assertTrue(r.compiled("P1") && r.compiled("P3") && !r.compiled("P2"));
        // The survivors were compiled and load: the batch went on without P2.
        assertTrue(Oracle.unverifiable(r.loader(), units.get(0), null) == null);
    }

    private static Unit unit(String name, String body) {
        return new Unit(name, null, source(name, "@dev.ratchet.Async ", body), source(name + "Sync", "", body), "m0", List.of(1));
    }

    private static String source(String className, String annotation, String body) {
        return "package fuzz;\n\nimport dev.ratchet.processor.fuzz.Fx;\n\nclass " + className + " {\n"
                + "    " + annotation + "static int m0(int p0) throws Exception {\n        " + body + "\n        return p0;\n    }\n}\n";
    }

    private static boolean javacCrashesOn(String source) {
        try {
            javac().withOptions("-proc:none").compile(JavaFileObjects.forSourceString("fuzz.Probe", source));
            return false;
        } catch (CompilationFailureException crash) {
            return true;
        }
    }
}
