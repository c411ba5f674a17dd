package dev.ratchet.processor.cost;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.processor.AsyncProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the processor adds to a compilation: one file with 200 {@code @Async} methods (awaits in
 * statements, loops, try/finally and expressions) compiled with and without it, after warm-up;
 * prints the median times. Manual: {@code mvn -pl processor -am verify -Dtest=CompileCostTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dratchet.compileCost=true}.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "ratchet.compileCost", matches = "true")
class CompileCostTest {
    static final int METHODS = Integer.getInteger("ratchet.compileCost.methods", 200);

    static String source() {
        StringBuilder sb = new StringBuilder("""
                package cost;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.Future;
                import dev.ratchet.Futures;
                import java.util.List;

                class Many {
                    Future<Integer> f(int x) { return Futures.ready(x); }
                    int g(int a, int b) { return a + b; }
                """);
        for (int i = 0; i < METHODS; i++) {
            sb.append("""

                        @Async
                        int m%1$d(List<Integer> xs, int n) {
                            int sum = await(f(n));
                            for (int x : xs) {
                                try {
                                    sum += g(x, await(f(x + %1$d)));
                                } finally {
                                    sum++;
                                }
                            }
                            if (n > 0 && await(f(n)) > 1) sum += await(f(sum)) * 2;
                            return sum;
                        }
                    """.formatted(i));
        }
        return sb.append("}\n").toString();
    }

    private static long compileMillis(String source, boolean withProcessor) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("ratchet-cost");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///cost/Many.java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-s", out.toString(),
                    "-classpath", System.getProperty("java.class.path")));
            if (!withProcessor) options.add("-proc:none");
            long start = System.nanoTime();
            JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), files, diagnostics, options, null, List.of(file));
            if (withProcessor) task.setProcessors(List.of(new AsyncProcessor()));
            boolean ok = task.call();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ok, () -> diagnostics.getDiagnostics().toString());
            return millis;
        }
    }

    private static long median(boolean withProcessor, String source, int runs) throws IOException {
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) times[i] = compileMillis(source, withProcessor);
        java.util.Arrays.sort(times);
        return times[runs / 2];
    }

    @Test
    void twoHundredAsyncMethods() throws IOException {
        String source = source();
        // With -proc:none the @Async bodies are still compiled (their bodies type-check as plain Java).
        for (int i = 0; i < 2; i++) {
            compileMillis(source, false);
            compileMillis(source, true);
        }
        long without = median(false, source, 5);
        long with = median(true, source, 5);
        System.out.printf("compile %d @Async methods: without processor %d ms, with processor %d ms (x%.2f)%n", METHODS,
                without, with, (double) with / without);
        assertTrue(with > 0 && without > 0);
    }
}
