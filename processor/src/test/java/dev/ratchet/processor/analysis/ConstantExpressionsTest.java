package dev.ratchet.processor.analysis;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.ratchet.processor.model.AsyncMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import org.junit.jupiter.api.Test;

/**
 * {@link ConstantExpressions} against javac itself: each case is the initializer of a {@code
 * final} local in an {@code @Async} body, and javac's own verdict is the constant value it gives
 * that local (null when the initializer is not a constant expression). They must agree exactly.
 */
class ConstantExpressionsTest {
    /** {type, initializer}: constants of every JLS 15.29 form, and look-alikes that are not. */
    private static final String[][] CASES = {
        {"boolean", "true ? !true : true"},
        {"boolean", "(switch (1) { default -> false; })"},
        {"boolean", "!(1 < 2) || 3 >= 3"},
        {"boolean", "1 == 1.0"},
        {"boolean", "'a' < 98"},
        {"boolean", "0.1f == 0.1"},
        {"boolean", "(byte) 300 == 44"},
        {"boolean", "(int) 3.99 == 3 && (long) -2.5 == -2L"},
        {"boolean", "(char) 65 == 'A'"},
        {"boolean", "\"ab\" == \"a\" + \"b\""},
        {"boolean", "\"ab\" != \"ab\""},
        {"boolean", "(1 << 33) == 2"},
        {"boolean", "(1L << 33) == 8589934592L"},
        {"boolean", "(-8 >> 1) == -4 && (-8 >>> 28) == 15"},
        {"boolean", "(5 & 3 | 8 ^ 1) == 9"},
        {"boolean", "true & false | true ^ true"},
        {"boolean", "~5 == -6 && -(-3) == +3"},
        {"boolean", "7 / 2 == 3 && 7 % 3 == 1 && -7 / 2 == -3"},
        {"boolean", "1 / 0 == 0"},
        {"boolean", "1.0 / 0 > 1e308"},
        {"boolean", "Integer.MAX_VALUE + 1 == Integer.MIN_VALUE"},
        {"boolean", "java.lang.Long.MAX_VALUE > 0"},
        {"boolean", "LIMIT > 10"},
        {"boolean", "K.LIMIT > 10 && DEBUG"},
        {"boolean", "local && 2 > 1"},
        {"boolean", "notFinal && true"},
        {"boolean", "this.limitField > 10"},
        {"boolean", "Math.abs(-1) == 1"},
        {"boolean", "(Object) \"a\" == \"a\""},
        {"boolean", "(String) \"a\" == \"a\""},
        {"boolean", "(true ? 1 : 2.0) == 1.0"},
        {"boolean", "(false ? 1 : 2L) == 2"},
        {"int", "true ? 1 : 2"},
        {"long", "3 * 4L - 1"},
        {"float", "1 + 2.5f * 2"},
        {"double", "1 + 2.5 * 2"},
        {"float", "1.5f % 1"},
        {"char", "(char) ('a' + 1)"},
        {"String", "\"x\" + 1 + 2 + 'c' + 1.5 + true + 2.5f"},
        {"String", "1 + 2 + \"x\""},
        {"String", "\"n\" + (1 / 2.0)"},
        {"short", "(short) 70000"},
        {"int", "-2147483648"},
        {"long", "-9223372036854775808L"},
        {"int", "0x7fffffff + 0b1 + 017"},
        {"boolean", "Integer.MIN_VALUE / -1 == Integer.MIN_VALUE && Integer.MIN_VALUE % -1 == 0"},
        {"int", "65536 * 65536 + 46341 * 46341"},
        {"boolean", "0.1f + 0.2f == 0.3f"},
        {"float", "16777216f + 1f"},
        {"float", "1f / 3 * 3 - 1e-7f"},
        {"float", "5.5f % 2.25f"},
    };

    @Test
    void agreesWithJavacOnEveryCase() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < CASES.length; i++) {
            body.append("        final ").append(CASES[i][0]).append(" c").append(i).append(" = ").append(CASES[i][1]).append(";\n");
        }
        String source = """
                package k;

                import dev.ratchet.Async;

                class K {
                    static final int LIMIT = 42;
                    static final boolean DEBUG = true;
                    final int limitField = 42;

                    @Async
                    void m() {
                        final boolean local = true;
                        boolean notFinal = true;
                %s    }
                }
                """.formatted(body);
        List<String> disagreements = new ArrayList<>();
        List<Object> javacValues = new ArrayList<>();
        Compilation c = javac().withProcessors(new AbstractProcessor() {
            @Override
            public Set<String> getSupportedAnnotationTypes() {
                return Set.of("dev.ratchet.Async");
            }

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return SourceVersion.latestSupported();
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                Trees trees = Trees.instance(processingEnv);
                for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
                    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
                        TreePath path = trees.getPath(m);
                        BodyIndex index = BodyIndex.of(new AsyncMethod(m, type, path), trees);
                        ConstantExpressions constants = new ConstantExpressions(index);
                        for (StatementTree s : ((MethodTree) path.getLeaf()).getBody().getStatements()) {
                            if (!(s instanceof VariableTree v) || !v.getName().toString().matches("c\\d+")) continue;
                            Object javacValue = ((VariableElement) index.element(v)).getConstantValue();
                            Object ours = constants.value(v.getInitializer());
                            javacValues.add(javacValue);
                            if (!java.util.Objects.equals(javacValue, ours)) {
                                disagreements.add(v.getInitializer() + ": javac " + describe(javacValue) + ", ours " + describe(ours));
                            }
                        }
                    }
                }
                return false;
            }
        }).compile(JavaFileObjects.forSourceString("k.K", source));
        assertThat(c).succeeded();
        assertEquals(CASES.length, javacValues.size(), "every case was checked");
        assertEquals(List.of(), disagreements);
        // The table has both kinds: the check is not vacuous.
        assertTrue(javacValues.stream().anyMatch(java.util.Objects::isNull));
        assertTrue(javacValues.stream().filter(v -> v != null).count() > 30);
    }

    private static String describe(Object v) {
        return v == null ? "not constant" : v + " (" + v.getClass().getSimpleName() + ")";
    }
}
