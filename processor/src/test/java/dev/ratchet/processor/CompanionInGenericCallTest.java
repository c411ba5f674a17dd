package dev.ratchet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.ratchet.Future;
import dev.ratchet.processor.harness.GeneratedClassLoader;
import dev.ratchet.runtime.Executor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Code that passes another class's companion call straight into a generic method, e.g. {@code
 * await(Futures.select(TrackerAsync.awaitIdle(t), ...))}: the companion does not exist until the
 * processor writes it, and javac 25 (unlike 17) reports inference over the missing class as a
 * hard error if that code is attributed before then. The processor attributes such code (misuse
 * checks, lowering) only in the round after the companion is written. Runs on every JDK the
 * build uses (CI: 17 and 25).
 */
class CompanionInGenericCallTest {
    private static final JavaFileObject TRACKER = JavaFileObjects.forSourceString("p.Tracker", """
            package p;

            import static dev.ratchet.Futures.await;

            import dev.ratchet.Async;
            import dev.ratchet.Futures;

            class Tracker {
                @Async
                String awaitIdle() {
                    await(Futures.yieldNow());
                    return "idle";
                }
            }
            """);

    private static JavaFileObject server(String extra) {
        return JavaFileObjects.forSourceString("p.Server", """
                package p;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.Either;
                import dev.ratchet.Futures;
                import java.time.Duration;

                class Server {
                    final Tracker tracker = new Tracker();

                    @Async
                    String run() {
                        Either<String, Void> first = await(Futures.select(TrackerAsync.awaitIdle(tracker),
                                Futures.sleep(Duration.ofSeconds(10))));
                        return first instanceof Either.First<String, Void> f ? f.value() : "timed out";
                    }
                """ + extra + "}\n");
    }

    @Test
    void aCompanionCallInsideAGenericCallCompilesAndRuns() throws Exception {
        Compilation c = javac().withProcessors(new AsyncProcessor()).compile(TRACKER, server(""));
        assertThat(c).succeededWithoutWarnings();
        ClassLoader loader = new GeneratedClassLoader(c, getClass().getClassLoader());
        var constructor = loader.loadClass("p.Server").getDeclaredConstructor();
        constructor.setAccessible(true);
        Object server = constructor.newInstance();
        var entry = loader.loadClass("p.ServerAsync").getDeclaredMethod("run", loader.loadClass("p.Server"));
        entry.setAccessible(true);
        Future<?> run = (Future<?>) entry.invoke(null, server);
        try (Executor executor = Executor.currentThread()) {
            assertEquals("idle", executor.blockOn(run));
        }
    }

    @Test
    void misuseInAUnitWhoseCheckWaitedForTheCompanionIsStillReported() {
        Compilation c = javac().withProcessors(new AsyncProcessor()).compile(TRACKER, server("""
                    void sync() {
                        run();
                    }
                """));
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("[ratchet:AsyncCallFromSync] run() is @Async");
        assertThat(c).hadErrorCount(1);
    }
}
