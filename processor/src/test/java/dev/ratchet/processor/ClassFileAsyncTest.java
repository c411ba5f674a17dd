package dev.ratchet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.ratchet.Future;
import dev.ratchet.processor.harness.Driver;
import dev.ratchet.processor.harness.Io;
import dev.ratchet.processor.harness.Schedule;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A direct call of an {@code @Async} method that the compilation only sees as a class file (a
 * library) is still an implicit await: {@code @Async} has CLASS retention.
 */
class ClassFileAsyncTest {
    @TempDir
    Path library;

    @Test
    void implicitAwaitOfAnAsyncMethodFromAClassFile() throws Exception {
        Compilation lib = javac().withProcessors(new AsyncProcessor()).compile(JavaFileObjects.forSourceString("lib.Lib", """
                package lib;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.processor.harness.Io;

                public final class Lib {
                    @Async
                    public static int twice(int n) {
                        int v = await(Io.value(n));
                        return v * 2;
                    }
                }
                """));
        assertThat(lib).succeeded();
        writeClasses(lib, library);

        Compilation user = javac().withProcessors(new AsyncProcessor())
                .withClasspath(List.of(library.toFile(), location(Future.class), location(Io.class)))
                .compile(JavaFileObjects.forSourceString("app.User", """
                        package app;

                        import dev.ratchet.Async;
                        import lib.Lib;

                        final class User {
                            @Async
                            static int plusOne(int n) {
                                int t = Lib.twice(n);
                                return t + 1;
                            }
                        }
                        """));
        assertThat(user).succeeded();
        String generated = user.generatedSourceFile("app.UserAsync").orElseThrow().getCharContent(true).toString();
        assertTrue(generated.contains("awaitOn(LibAsync.twice(n));"), generated);

        Path users = Files.createDirectories(library.resolve("users"));
        writeClasses(user, users);
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {library.toUri().toURL(), users.toUri().toURL()},
                getClass().getClassLoader())) {
            Io.reset(Schedule.PENDING_ONCE);
            var entry = loader.loadClass("app.UserAsync").getDeclaredMethod("plusOne", int.class);
            entry.setAccessible(true);
            Future<?> f = (Future<?>) entry.invoke(null, 20);
            assertEquals(41, new Driver().run(f));
        }
    }

    private static void writeClasses(Compilation c, Path dir) throws IOException {
        for (JavaFileObject f : c.generatedFiles()) {
            if (f.getKind() != JavaFileObject.Kind.CLASS) continue;
            String path = f.toUri().getPath();
            Path out = dir.resolve(path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length()));
            Files.createDirectories(out.getParent());
            try (InputStream in = f.openInputStream()) {
                Files.write(out, in.readAllBytes());
            }
        }
    }

    private static File location(Class<?> c) throws URISyntaxException {
        return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
