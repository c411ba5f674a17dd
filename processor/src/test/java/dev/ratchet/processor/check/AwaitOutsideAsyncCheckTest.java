package dev.ratchet.processor.check;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class AwaitOutsideAsyncCheckTest {
    @Test
    void awaitInPlainMethod() {
        Input in = Input.checkout("""
                    int total() {
                        return await(price());
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_OUTSIDE_ASYNC,
                "await can only be used in an @Async method: annotate the enclosing method total with @Async,"
                        + " or use Executor.blockOn(future) from synchronous code",
                "return await(", "await(");
    }

    @Test
    void qualifiedAwaitOfCompletionStageInPlainMethod() {
        Input in = Input.checkout("""
                    int total() {
                        return Futures.await(stage());
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_OUTSIDE_ASYNC,
                "await can only be used in an @Async method", "return Futures.await", ".await(");
    }

    @Test
    void awaitInStaticInitializer() {
        Input in = Input.checkout("""
                    static int first;

                    static {
                        first = await(Futures.ready(1));
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_OUTSIDE_ASYNC,
                "await can only be used in an @Async method: move this code into an @Async method, or use"
                        + " Executor.blockOn(future) from synchronous code",
                "first = ", "await(");
    }

    @Test
    void awaitInLambdaOfFieldInitializer() {
        Input in = Input.checkout("""
                    final Supplier<Integer> later = () -> await(price());
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_OUTSIDE_ASYNC,
                "await can only be used directly in an @Async method, not inside a lambda: the lambda runs later,"
                        + " outside any state machine; await in an @Async method before creating the lambda, or use"
                        + " Executor.blockOn(future) from synchronous code",
                "later = ", "await(");
    }

    @Test
    void awaitInLambdaOfPlainMethodDoesNotAdviseAnnotatingThatMethod() {
        Input in = Input.checkout("""
                    void print() {
                        Runnable r = () -> System.out.println(await(price()));
                        r.run();
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_OUTSIDE_ASYNC,
                "await can only be used directly in an @Async method, not inside a lambda", "Runnable r", "await(");
        assertThat(c.errors().get(0).getMessage(null)).doesNotContain("annotate");
    }

    @Test
    void awaitInAnonymousClassOfPlainMethod() {
        Input in = Input.checkout("""
                    Runnable printer() {
                        return new Runnable() {
                            @Override
                            public void run() { System.out.println(await(price())); }
                        };
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_OUTSIDE_ASYNC,
                "await can only be used directly in an @Async method, not inside an anonymous class",
                "public void run()", "await(");
    }

    @Test
    void awaitReferenceInPlainMethod() {
        Input in = Input.checkout("""
                    int total(List<Future<Integer>> prices) {
                        return prices.stream().map(Futures::await).mapToInt(Integer::intValue).sum();
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_OUTSIDE_ASYNC,
                "await cannot be used as a method reference outside an @Async method", "Futures::await",
                "Futures::await");
    }

    @Test
    void everyAwaitOutsideAsyncIsReported() {
        Input in = Input.checkout("""
                    int one() { return await(price()); }
                    int two() { return await(stage()); }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).hadErrorCount(2);
        in.assertError(c, CheckMessages.AWAIT_OUTSIDE_ASYNC, "await can only be used", "int one()", "await(");
        in.assertError(c, CheckMessages.AWAIT_OUTSIDE_ASYNC, "await can only be used", "int two()", "await(");
    }

    @Test
    void awaitInAsyncMethodOfLocalClassIsNotAlsoOutsideAsync() {
        Input in = Input.checkout("""
                    void run() {
                        class Local {
                            @Async
                            int f() { return await(price()); }
                        }
                        System.out.println(new Local());
                    }
                """);
        Compilation c = Compile.compile(in.file);
        // Only the misplaced @Async is reported; its body is an @Async body for the await.
        in.assertOnlyError(c, CheckMessages.ASYNC_IN_LOCAL_CLASS, "@Async cannot be used on a method of a local class",
                "@Async", "@Async");
    }
}
