package dev.ratchet.processor.check;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** The syntactic pre-scan that decides which units are worth resolving. Parses only. */
class QuickScanTest {
    @Test
    void unitWithoutAwaitAsyncOrKnownNamesIsIrrelevant() throws IOException {
        QuickScan scan = scan("""
                class Plain {
                    int size(java.util.List<String> xs) { return xs.size() + Math.max(1, 2); }
                }
                """);
        assertThat(scan.isRelevant(Set.of("buy", "reserve"))).isFalse();
        assertThat(scan.mentionsAsync).isFalse();
        assertThat(scan.usedNames).containsExactly("size", "max");
    }

    @Test
    void callOfAwaitMakesAUnitRelevantWhateverItResolvesTo() throws IOException {
        QuickScan scan = scan("""
                class Caller {
                    Object f(Object latch) { return Other.await(latch); }
                }
                """);
        assertThat(scan.isRelevant(Set.of())).isTrue();
    }

    @Test
    void callOrReferenceOfAKnownAsyncNameMakesAUnitRelevant() throws IOException {
        QuickScan call = scan("""
                class Caller {
                    void f(Object checkout) { checkout.buy(); }
                }
                """);
        QuickScan reference = scan("""
                class Caller {
                    Runnable f(Checkout checkout) { return checkout::buy; }
                }
                """);
        assertThat(call.isRelevant(Set.of())).isFalse();
        assertThat(call.isRelevant(Set.of("buy"))).isTrue();
        assertThat(reference.isRelevant(Set.of("buy"))).isTrue();
    }

    @Test
    void declaringAMethodWithAKnownAsyncNameMakesAUnitRelevant() throws IOException {
        QuickScan scan = scan("""
                class Express extends Checkout {
                    int buy() { return 1; }
                }
                """);
        assertThat(scan.isRelevant(Set.of("buy"))).isTrue();
    }

    @Test
    void asyncAnnotationsAreFoundSimpleOrQualified() throws IOException {
        QuickScan scan = scan("""
                import dev.ratchet.Async;

                class Checkout {
                    @Async boolean buy() { return true; }
                    @dev.ratchet.Async String reserve() { return ""; }
                    @Deprecated void old() {}
                }
                """);
        assertThat(scan.mentionsAsync).isTrue();
        assertThat(scan.asyncMethodNames).containsExactly("buy", "reserve");
        assertThat(scan.isRelevant(Set.of())).isTrue();
    }

    private static QuickScan scan(String source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavacTask task = (JavacTask) javac.getTask(
                null, null, null, List.of("-proc:none"), null,
                List.of(JavaFileObjects.forSourceString("Input", source)));
        CompilationUnitTree unit = task.parse().iterator().next();
        return QuickScan.of(unit);
    }
}
