package dev.ratchet.processor.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.ratchet.processor.AsyncProcessor;
import dev.ratchet.processor.harness.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Generated sources for representative bodies, compared with the reviewed files under
 * {@code src/test/resources/golden/GoldenTest/<case>/}: they document the output for users.
 * Run with {@code -Dgolden.update=true} to rewrite them after an intended change (then review the diff).
 */
class GoldenTest {
    @Test
    void straightLine() throws IOException {
        check("straightLine", "shop", "Checkout");
    }

    @Test
    void loop() throws IOException {
        check("loop", "files", "Downloads");
    }

    @Test
    void tryFinally() throws IOException {
        check("tryFinally", "bank", "Transfers");
    }

    private static void check(String name, String pkg, String type) throws IOException {
        String dir = "golden/GoldenTest/" + name + "/";
        Compilation c = javac().withProcessors(new AsyncProcessor())
                .compile(JavaFileObjects.forSourceString(pkg + "." + type, Program.resource(dir + type + ".java")));
        assertThat(c).succeededWithoutWarnings();
        String actual = c.generatedSourceFile(pkg + "." + type + "Async").orElseThrow().getCharContent(true).toString();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources", dir, type + "Async.java"), actual);
            return;
        }
        assertEquals(Program.resource(dir + type + "Async.java"), actual);
    }
}
