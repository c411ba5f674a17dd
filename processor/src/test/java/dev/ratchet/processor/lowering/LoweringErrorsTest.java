package dev.ratchet.processor.lowering;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.ratchet.processor.AsyncProcessor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Constructs the lowering does not support yet are compile errors at the exact position, with a
 * stable code and a message saying what to write instead: never wrong code.
 */
class LoweringErrorsTest {
    private static JavaFileObject source(String body) {
        return JavaFileObjects.forSourceString("p.C", """
                package p;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.Future;
                import java.util.List;
                import java.util.function.Supplier;

                class C {
                    Future<Integer> f;
                    int[] array = new int[1];

                    @Async
                    int m(int i) throws Exception {
                %s
                    }
                }
                """.formatted(body));
    }

    private static Compilation compile(String body) {
        return javac().withProcessors(new AsyncProcessor()).compile(source(body));
    }

    private static void assertError(String body, LoweringMessages message, String lineFragment, int column) {
        Compilation c = compile(body);
        assertThat(c).failed();
        // Exactly one: the method gets a stub machine, so its entry and callers compile.
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[ratchet:" + message.code() + "]");
        assertThat(c).hadErrorContaining("[ratchet:" + message.code() + "]").inFile(source(body)).onLine(lineOf(body, lineFragment))
                .atColumn(column);
    }

    /** The line of {@code fragment} in the file {@link #source} makes of {@code body}. */
    private static long lineOf(String body, String fragment) {
        try {
            String[] lines = source(body).getCharContent(true).toString().split("\n", -1);
            for (int i = 0; i < lines.length; i++) if (lines[i].contains(fragment)) return i + 1;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(fragment);
    }

    /** Awaits inside expressions compile now (their behaviour: ExpressionsTest). */
    @Test
    void awaitsInsideExpressionsCompile() {
        assertThat(compile("        return 1 + await(f);")).succeededWithoutWarnings();
        assertThat(compile("        System.out.println(await(f));\n        return 0;")).succeededWithoutWarnings();
        assertThat(compile("        int x = 0;\n        x += await(f);\n        return x;")).succeededWithoutWarnings();
        assertThat(compile("        array[i] = await(f);\n        return 0;")).succeededWithoutWarnings();
    }

    @Test
    void awaitInAnArrowCaseOfASwitchExpressionCompiles() {
        assertThat(compile("        int x = switch (i) { case 1 -> await(f); default -> 0; };\n        return x;")).succeededWithoutWarnings();
    }

    @Test
    void awaitInAnOldStyleCaseOfASwitchExpression() {
        assertError("        int x = switch (i) {\n            case 1: yield await(f);\n            default: yield 0;\n        };\n        return x;",
                LoweringMessages.SWITCH_EXPRESSION, "case 1: yield await(f);", 13);
    }

    /** The misuse checker rejects {@code super} calls before lowering sees them: one error, its message. */
    @Test
    void superAccess() {
        String body = "        int h = await(f);\n        return h + super.hashCode();";
        Compilation c = compile(body);
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[ratchet:SuperCallInAsync] super.hashCode cannot be called in an @Async method")
                .inFile(source(body)).onLineContaining("super.hashCode()");
    }

    @Test
    void lambdaCapturingAManagedLocalInAConditionReadsACopy() {
        assertThat(compile("        int h = await(f);\n        if (((Supplier<Integer>) () -> h).get() > 0) await(f);\n        return 0;"))
                .succeededWithoutWarnings();
    }

    @Test
    void lambdaCapturingAManagedLocalInAStatementReadsACopy() {
        assertThat(compile("        int h = await(f);\n        Supplier<Integer> s = () -> h;\n        await(f);\n        return s.get();"))
                .succeededWithoutWarnings();
    }

    @Test
    void patternVariableInTheConditionOfASplitIfCompiles() {
        assertThat(compile("        Object o = f;\n        if (o instanceof Future<?> g && g != null) {\n            await(f);\n            g.cancel();\n        }\n        return 0;"))
                .succeededWithoutWarnings();
    }

    @Test
    void patternVariableNestedInAnArgumentOfASplitCondition() {
        assertError("        Object o = f;\n        if (java.util.Objects.equals(o instanceof Future<?> g ? g : null, null)) {\n            await(f);\n        }\n        return 0;",
                LoweringMessages.PATTERN_IN_SPLIT_CONDITION, "o instanceof Future<?> g", 61);
    }

    @Test
    void patternVariableInAnIfWithoutAwaitIsFine() {
        assertThat(compile("        Object o = f;\n        int h = await(f);\n        if (o instanceof Future<?> g) g.cancel();\n        return h;"))
                .succeededWithoutWarnings();
    }

    @Test
    void localClassInABodyWithAwaitCompiles() {
        assertThat(compile("        class L { int twice(int x) { return 2 * x; } }\n        L l = new L();\n        int h = await(f);\n        return l.twice(h);"))
                .succeededWithoutWarnings();
    }

    @Test
    void localClassCapturingALocalOfTheBody() {
        assertError("        int h = await(f);\n        class L { int get() { return h; } }\n        return new L().get();",
                LoweringMessages.LOCAL_CLASS_CAPTURE, "return h;", 38);
    }

    @Test
    void localRecordInABodyWithAwait() {
        assertError("        record R(int x) {}\n        int h = await(f);\n        return new R(h).x();", LoweringMessages.LOCAL_CLASS,
                "record R(int x) {}", 9);
    }

    @Test
    void aTypeThatNeverAppearsIsReportedInTheLastRoundWithoutEmittingCode() {
        Compilation c = compile("        int h = await(f);\n        NoSuchClass.call(h);\n        return h;");
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("[ratchet:UnresolvedType]");
        assertThat(c).hadErrorContaining("cannot find symbol"); // javac's own error stays
    }

    @Test
    void varOfAnIntersectionTypeAcrossAnAwait() {
        assertError("        var x = i > 0 ? Integer.valueOf(1) : \"s\";\n        await(f);\n        return x.hashCode();",
                LoweringMessages.UNDENOTABLE_TYPE, "var x = i > 0", 13);
    }

    @Test
    void bodiesWithoutTheseConstructsCompileCleanly() {
        assertThat(compile("        int h = await(f);\n        return h;")).succeededWithoutWarnings();
    }
}
