package dev.ratchet.processor.check;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/**
 * A test source file, and exact positions in it: {@code at("line fragment", "token")} is the line
 * that contains the fragment (which must be unique) and the 1-based column where the token starts
 * on it, so expected positions are computed from the text instead of counted by hand.
 */
final class Input {
    /** Imports and helpers every {@link #checkout} input starts with. */
    private static final String CHECKOUT_HEADER = """
            package shop;

            import static dev.ratchet.Futures.await;

            import dev.ratchet.Async;
            import dev.ratchet.Future;
            import dev.ratchet.Futures;
            import java.util.List;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.CompletionStage;
            import java.util.function.Supplier;

            class Checkout {
                Future<Integer> price() { return Futures.ready(1); }
                CompletionStage<Integer> stage() { return CompletableFuture.completedFuture(1); }
            """;

    final String text;
    final JavaFileObject file;

    private Input(String qualifiedName, String text) {
        this.text = text;
        this.file = JavaFileObjects.forSourceString(qualifiedName, text);
    }

    static Input of(String qualifiedName, String text) {
        return new Input(qualifiedName, text);
    }

    /**
     * {@code shop.Checkout} with the standard imports (static {@code await} included), a {@code
     * price()} future and a {@code stage()} completion stage, and {@code members}.
     */
    static Input checkout(String members) {
        return new Input("shop.Checkout", CHECKOUT_HEADER + members + "}\n");
    }

    /** The 1-based line containing {@code lineFragment}, which must occur on exactly one line. */
    long line(String lineFragment) {
        String[] lines = text.split("\n", -1);
        long found = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(lineFragment)) {
                assertWithMessage("fragment %s occurs on more than one line", lineFragment).that(found).isEqualTo(-1);
                found = i + 1;
            }
        }
        assertWithMessage("fragment %s not in the input", lineFragment).that(found).isGreaterThan(0L);
        return found;
    }

    /** The 1-based column of {@code token} on the line containing {@code lineFragment}. */
    long column(String lineFragment, String token) {
        String line = text.split("\n", -1)[(int) line(lineFragment) - 1];
        int index = line.indexOf(token, line.indexOf(lineFragment));
        assertWithMessage("token %s not on line %s", token, line).that(index).isAtLeast(0);
        return index + 1L;
    }

    /**
     * Asserts that {@code c} failed with exactly one error, {@code [ratchet:code] text...}, at
     * {@code token} on the line containing {@code lineFragment} of this file.
     */
    void assertOnlyError(Compilation c, String code, String text, String lineFragment, String token) {
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertError(c, code, text, lineFragment, token);
    }

    /** Asserts that {@code c} has the error {@code [ratchet:code] text...} at that position. */
    void assertError(Compilation c, String code, String text, String lineFragment, String token) {
        assertThat(c)
                .hadErrorContaining("[ratchet:" + code + "] " + text)
                .inFile(file)
                .onLine(line(lineFragment))
                .atColumn(column(lineFragment, token));
    }
}
