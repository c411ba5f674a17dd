package dev.ratchet.processor.check;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** The checker as a whole: what it returns, and what it does to compilations that are fine. */
class MisuseCheckerTest {
    @Test
    void returnsExactlyTheInvalidAsyncMethods() {
        Input in = Input.of("shop.Mixed", """
                package shop;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.Futures;
                import java.util.function.Supplier;

                abstract class Mixed {
                    private int secret;

                    @Async int fine() { return await(Futures.ready(1)); }
                    @Async abstract int noBody();
                    @Async int inLambda() { Supplier<Integer> s = () -> await(Futures.ready(1)); return s.get(); }
                    @Async int readsPrivate() { return secret; }
                    void plain() { System.out.println(await(Futures.ready(1))); }
                }

                abstract class Sub extends Mixed {
                    @Async @Override int fine() { return 2; }
                }
                """);
        CheckOnlyProcessor processor = new CheckOnlyProcessor();
        Compilation c = javac().withProcessors(processor).compile(in.file);

        assertThat(c).hadErrorCount(5);
        List<String> invalid = processor.invalid.stream()
                .map(m -> m.getEnclosingElement().getSimpleName() + "." + m.getSimpleName())
                .collect(Collectors.toList());
        assertThat(invalid).containsExactly("Mixed.noBody", "Mixed.inLambda", "Mixed.readsPrivate", "Sub.fine");
        assertThat(processor.invalid).doesNotContain(null);
        assertThat(processor.invalid.stream().allMatch(m -> m instanceof ExecutableElement)).isTrue();
    }

    @Test
    void awaitWhoseArgumentDoesNotResolveYetIsStillFound() {
        // During processing the companion is not generated yet: the argument is erroneous.
        Input in = Input.checkout("""
                    @Async
                    int total() {
                        Supplier<Integer> later = () -> await(NotGeneratedYetAsync.total(this));
                        return later.get();
                    }
                """);
        Compilation c = Compile.compile(in.file);
        // javac drops its own "cannot find symbol" during processing: it is recoverable by a later round.
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_LAMBDA, "await cannot be used inside a lambda", "later = ",
                "await(");
    }

    @Test
    void awaitCallThatJavacCannotResolveIsRecognisedByItsStaticImport() {
        // No await overload takes a String: the call stays unresolved, and the static import of
        // Futures.await decides. (javac's own "no suitable method" is a resolution error, which it
        // drops during processing as recoverable; after the checker's error it stops there.)
        Input in = Input.checkout("""
                    @Async
                    int total() {
                        Supplier<Integer> later = () -> await("not a future");
                        return later.get();
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_LAMBDA, "await cannot be used inside a lambda", "later = ",
                "await(");
    }

    @Test
    void qualifiedAwaitCallThatJavacCannotResolveIsRecognisedByItsQualifier() {
        // A unit without @Async is checked after javac attributed it: javac's error comes too.
        Input in = Input.checkout("""
                    int total() {
                        return Futures.await(42);
                    }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).hadErrorCount(2);
        in.assertError(c, CheckMessages.AWAIT_OUTSIDE_ASYNC, "await can only be used in an @Async method",
                "return Futures.await", ".await(");
        assertThat(c).hadErrorContaining("no suitable method found for await(int)");
    }

    @Test
    void qualifiedAwaitWhoseArgumentDoesNotResolveIsStillFound() {
        Input in = Input.checkout("""
                    int total() {
                        return Futures.await(NotGeneratedYetAsync.total(this));
                    }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).hadErrorCount(2);
        in.assertError(c, CheckMessages.AWAIT_OUTSIDE_ASYNC, "await can only be used in an @Async method",
                "return Futures.await", ".await(");
        assertThat(c).hadErrorContaining("cannot find symbol");
    }

    @Test
    void unitsWithoutAsyncAreCheckedAfterAnalysisSoTheirWarningsAreNotRepeated() {
        // Resolving a unit during processing makes javac attribute it twice (now and after the
        // rounds), which repeats its lint warnings; units without @Async wait for javac's own.
        Input checkout = Input.checkout("""
                    @Async
                    int total() { return await(price()); }
                """);
        Input plain = Input.of("shop.Plain", """
                package shop;

                import java.util.List;

                class Plain {
                    dev.ratchet.Future<Integer> one() { return dev.ratchet.Futures.ready(1); }

                    @SuppressWarnings("unchecked")
                    int size(List raw) {
                        List<String> typed = raw;
                        return typed.size() + ((Object) raw).hashCode();
                    }
                }
                """);
        Compilation with = Compile.compile(checkout.file, plain.file);
        Compilation without = javac().withOptions("-Xlint:all,-processing").compile(checkout.file, plain.file);

        assertThat(with).succeeded();
        assertThat(without.warnings()).isNotEmpty();
        assertThat(messages(with.warnings())).isEqualTo(messages(without.warnings()));
    }

    @Test
    void everyTopLevelClassOfACheckedLaterUnitIsChecked() {
        Input checkout = Input.of("shop.Checkout", """
                package shop;

                import dev.ratchet.Async;

                class Checkout {
                    @Async String reserve() { return "receipt"; }
                }
                """);
        Input callers = Input.of("shop.First", """
                package shop;

                class First {
                    String a(Checkout c) { return c.reserve(); }
                }

                class Second {
                    String b(Checkout c) { return c.reserve(); }
                }
                """);
        Compilation c = Compile.compile(checkout.file, callers.file);
        assertThat(c).hadErrorCount(2);
        callers.assertError(c, CheckMessages.ASYNC_CALL_FROM_SYNC, "reserve() is @Async", "String a(", ".reserve(");
        callers.assertError(c, CheckMessages.ASYNC_CALL_FROM_SYNC, "reserve() is @Async", "String b(", ".reserve(");
    }

    @Test
    void unitsCheckedLaterAreNotReachedWhenProcessingFailed() {
        // javac does not attribute anything once processing reported an error, so the misuse in
        // Caller surfaces only after the @Async declaration is fixed. Pinned here so that a change
        // of this behaviour is noticed.
        Input broken = Input.of("shop.Broken", """
                package shop;

                import dev.ratchet.Async;

                abstract class Broken {
                    @Async abstract String reserve();
                    @Async String fine() { return "x"; }
                }
                """);
        Input caller = Input.of("shop.Caller", """
                package shop;

                class Caller {
                    String a(Broken b) { return b.fine(); }
                }
                """);
        Compilation c = Compile.compile(broken.file, caller.file);
        broken.assertOnlyError(c, CheckMessages.ASYNC_ABSTRACT, "@Async cannot be used on an abstract method",
                "@Async abstract", "@Async");
    }

    @Test
    void validProgramCompilesWithoutAnyDiagnostic() {
        Input checkout = Input.of("shop.Checkout", """
                package shop;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.Future;
                import dev.ratchet.Futures;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.concurrent.CompletableFuture;
                import java.util.function.Function;

                final class Checkout {
                    final List<String> log = new ArrayList<>();
                    private final Object lock = new Object();

                    Future<Boolean> decrement(int cost) { return Futures.ready(cost < 100); }
                    Future<String> take(String item) { return Futures.ready(item); }

                    @Async
                    boolean buy(String item, int cost) {
                        if (!await(bank(cost))) return false;
                        String receipt = reserve(item);
                        Function<String, String> upper = s -> s.toUpperCase();
                        log.add(upper.apply(receipt));
                        for (int i = 0; i < 3; i++) {
                            log.add(await(CompletableFuture.completedFuture("try " + i)));
                        }
                        return receipt != null;
                    }

                    @Async
                    String reserve(String item) { return await(take(item)); }

                    Future<Boolean> bank(int cost) { return decrement(cost); }

                    int size() {
                        synchronized (lock) {
                            return log.size();
                        }
                    }
                }
                """);
        Input other = Input.of("shop.Report", """
                package shop;

                import java.util.List;

                final class Report {
                    int lines(List<String> log) {
                        Runnable r = () -> System.out.println(log.size());
                        r.run();
                        return log.size();
                    }
                }
                """);
        Compilation c = Compile.compile(checkout.file, other.file);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c.diagnostics()).isEmpty();
    }

    private static List<String> messages(List<Diagnostic<? extends javax.tools.JavaFileObject>> diagnostics) {
        return diagnostics.stream()
                .map(d -> d.getLineNumber() + ":" + d.getColumnNumber() + " " + d.getMessage(null))
                .collect(Collectors.toList());
    }
}
