package dev.ratchet.processor.fuzz;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.ratchet.processor.harness.Schedule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@link Oracle#unverifiable}: who is blamed for a class the verifier rejects. Classes are
 * compiled from tiny sources, then one method's bytecode is corrupted by hand ({@code sipush
 * 12345; ireturn} becomes {@code aconst_null; nop; nop; ireturn}), so each case fails
 * verification on any JDK, without relying on a javac bug.
 */
class OracleVerificationTest {
    private static final Oracle.Mode MODE = new Oracle.Mode(Oracle.DriverKind.HARNESS, Plan.of(Schedule.READY));
    /** Classes of program P1, as the fuzzer names them, and of P12, whose names start like P1's. */
    private static final List<String> CLASSES = List.of(
            "fuzz.P1", "fuzz.P1Sync", "fuzz.P1Async", "fuzz.P1Async$M0", "fuzz.P12", "fuzz.P12Async");
    private static final Unit P1 = new Unit("P1", null, "", "", "m0", List.of());
    private static final Unit P12 = new Unit("P12", null, "", "", "m0", List.of());

    @Test
    void allClassesVerify() {
        assertNull(Oracle.unverifiable(loader(Set.of()), CLASSES, P1, MODE));
    }

    @Test
    void generatedClassFailingIsTheProcessorsFinding() {
        Finding f = Oracle.unverifiable(loader(Set.of("fuzz.P1Async$M0")), CLASSES, P1, MODE);
        assertNotNull(f);
        assertEquals(Finding.Kind.VERIFY_ERROR, f.kind());
        assertTrue(f.blamesProcessor());
        assertTrue(f.detail().startsWith("java.lang.VerifyError in generated class fuzz.P1Async$M0 (javac "), f.detail());
        assertTrue(f.detail().contains("f()I"), () -> "names the method: " + f.detail());
        assertEquals(MODE, f.mode());
    }

    @Test
    void twinFailingIsABrokenReferenceEvenIfGeneratedCodeFailsToo() {
        Finding f = Oracle.unverifiable(loader(Set.of("fuzz.P1Sync", "fuzz.P1Async")), CLASSES, P1, MODE);
        assertNotNull(f);
        assertEquals(Finding.Kind.BROKEN_REFERENCE, f.kind());
        assertFalse(f.blamesProcessor());
        assertTrue(f.detail().startsWith("java.lang.VerifyError in the synchronous twin (javac "), f.detail());
        assertTrue(f.detail().contains("fuzz.P1Sync"), f.detail());
    }

    @Test
    void holderFailingIsABrokenReference() {
        Finding f = Oracle.unverifiable(loader(Set.of("fuzz.P1")), CLASSES, P1, MODE);
        assertNotNull(f);
        assertEquals(Finding.Kind.BROKEN_REFERENCE, f.kind());
        assertTrue(f.detail().startsWith("java.lang.VerifyError in the @Async holder (javac "), f.detail());
    }

    @Test
    void anotherProgramsClassesAreNotBlamedOnThisOne() {
        assertNull(Oracle.unverifiable(loader(Set.of("fuzz.P12Async")), CLASSES, P1, MODE));
        Finding f = Oracle.unverifiable(loader(Set.of("fuzz.P12Async")), CLASSES, P12, MODE);
        assertNotNull(f);
        assertTrue(f.detail().contains("fuzz.P12Async "), f.detail());
    }

    @Test
    void theSignatureDoesNotDependOnTheProgram() {
        Finding one = Oracle.unverifiable(loader(Set.of("fuzz.P1Async")), CLASSES, P1, MODE);
        Finding other = Oracle.unverifiable(loader(Set.of("fuzz.P12Async")), CLASSES, P12, MODE);
        assertEquals("VERIFY_ERROR java.lang.VerifyError: Bad type on operand stack", one.signature());
        assertEquals(one.signature(), other.signature());
    }

    /** A fresh loader of {@link #CLASSES}, with {@code corrupt} ones broken. */
    private static ClassLoader loader(Set<String> corrupt) {
        List<JavaFileObject> sources = new ArrayList<>();
        for (String name : CLASSES) {
            String pkg = name.substring(0, name.lastIndexOf('.'));
            String simple = name.substring(name.lastIndexOf('.') + 1);
            if (simple.contains("$")) continue; // written inside its outer class below
            String nested = CLASSES.contains(name + "$M0") ? " static final class M0 { static int f() { return 12345; } }" : "";
            sources.add(JavaFileObjects.forSourceString(name,
                    "package " + pkg + "; public class " + simple + " { static int f() { return 12345; }" + nested + " }"));
        }
        Compilation c = javac().compile(sources);
        assertEquals(Compilation.Status.SUCCESS, c.status(), c::toString);
        Map<String, byte[]> bytes = new HashMap<>();
        for (String name : CLASSES) {
            JavaFileObject f = c.generatedFile(StandardLocation.CLASS_OUTPUT, name.replace('.', '/') + ".class").orElseThrow();
            try (InputStream in = f.openInputStream()) {
                byte[] b = in.readAllBytes();
                bytes.put(name, corrupt.contains(name) ? corrupt(b) : b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ClassLoader(OracleVerificationTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = bytes.get(name);
                if (b == null) throw new ClassNotFoundException(name);
                return defineClass(name, b, 0, b.length);
            }
        };
    }

    /** {@code sipush 12345; ireturn} (an int) becomes {@code aconst_null; nop; nop; ireturn} (a reference). */
    private static byte[] corrupt(byte[] b) {
        byte[] code = {0x11, 0x30, 0x39, (byte) 0xac};
        for (int i = 0; i + code.length <= b.length; i++) {
            if (b[i] == code[0] && b[i + 1] == code[1] && b[i + 2] == code[2] && b[i + 3] == code[3]) {
                b[i] = 0x01;
                b[i + 1] = 0x00;
                b[i + 2] = 0x00;
                return b;
            }
        }
        throw new AssertionError("no `return 12345` in the class file");
    }
}
