package dev.ratchet.processor.check;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** The syntactic pre-scan that decides which units are checked during processing. Parses only. */
class QuickScanTest {
    @Test
    void unitWithoutAnAsyncAnnotationIsLeftForLater() throws IOException {
        assertThat(mentionsAsync("""
                import static dev.ratchet.Futures.await;

                class Caller {
                    @Deprecated
                    int f(Checkout checkout) { return checkout.buy() + await(checkout.price()); }
                }
                """)).isFalse();
    }

    @Test
    void simpleAsyncAnnotationOnAMethod() throws IOException {
        assertThat(mentionsAsync("""
                import dev.ratchet.Async;

                class Checkout {
                    @Async boolean buy() { return true; }
                }
                """)).isTrue();
    }

    @Test
    void qualifiedAsyncAnnotationInsideALocalClass() throws IOException {
        assertThat(mentionsAsync("""
                class Outer {
                    void run() {
                        class Local {
                            @SuppressWarnings("x") @dev.ratchet.Async int f() { return 1; }
                        }
                    }
                }
                """)).isTrue();
    }

    private static boolean mentionsAsync(String source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavacTask task = (JavacTask) javac.getTask(
                null, null, null, List.of("-proc:none"), null,
                List.of(JavaFileObjects.forSourceString("Input", source)));
        CompilationUnitTree unit = task.parse().iterator().next();
        return QuickScan.mentionsAsync(unit);
    }
}
