package dev.ratchet.processor.check;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class AwaitInLambdaCheckTest {
    private static final String IN_LAMBDA = "await cannot be used inside a lambda in an @Async method: the lambda"
            + " runs later, outside the state machine; await before creating the lambda and capture the result,"
            + " or make the lambda's work an @Async method";

    @Test
    void staticallyImportedAwaitInLambda() {
        Input in = Input.checkout("""
                    @Async
                    int total() {
                        Supplier<Integer> later = () -> await(price());
                        return later.get();
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_LAMBDA, IN_LAMBDA, "later = ", "await(");
    }

    @Test
    void qualifiedAwaitInLambdaIsReportedAtItsDot() {
        Input in = Input.checkout("""
                    @Async
                    int total() {
                        Supplier<Integer> later = () -> Futures.await(price());
                        return later.get();
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_LAMBDA, IN_LAMBDA, "later = ", ".await(");
    }

    @Test
    void awaitOfCompletionStageInLambda() {
        Input in = Input.checkout("""
                    @Async
                    int total() {
                        Supplier<Integer> later = () -> await(stage());
                        return later.get();
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_LAMBDA, IN_LAMBDA, "later = ", "await(");
    }

    @Test
    void awaitInLambdaInsideLambda() {
        Input in = Input.checkout("""
                    @Async
                    int total() {
                        Supplier<Supplier<Integer>> outer = () -> () -> await(price());
                        return outer.get().get();
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_LAMBDA, IN_LAMBDA, "outer = ", "await(");
    }

    @Test
    void awaitInBlockLambdaInsideLoop() {
        Input in = Input.checkout("""
                    @Async
                    void each(List<Future<Integer>> prices) {
                        for (Future<Integer> p : prices) {
                            Runnable r = () -> {
                                int x = await(p);
                                System.out.println(x);
                            };
                            r.run();
                        }
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_LAMBDA, IN_LAMBDA, "int x = ", "await(");
    }

    @Test
    void awaitInAnonymousClassInsideLoop() {
        Input in = Input.checkout("""
                    @Async
                    int total(int n) {
                        int sum = 0;
                        for (int i = 0; i < n; i++) {
                            Supplier<Integer> s = new Supplier<>() {
                                @Override
                                public Integer get() {
                                    return await(price());
                                }
                            };
                            sum += s.get();
                        }
                        return sum;
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_LAMBDA,
                "await cannot be used inside an anonymous class in an @Async method: the anonymous class's code"
                        + " runs later, outside the state machine; await before creating the object",
                "return await(", "await(");
    }

    @Test
    void awaitInLocalClass() {
        Input in = Input.checkout("""
                    @Async
                    int total() {
                        class Later {
                            int get() { return await(price()); }
                        }
                        return new Later().get();
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_LAMBDA,
                "await cannot be used inside a local class in an @Async method", "int get()", "await(");
    }

    @Test
    void awaitAsMethodReference() {
        Input in = Input.checkout("""
                    @Async
                    int total(List<Future<Integer>> prices) {
                        return prices.stream().map(Futures::await).mapToInt(Integer::intValue).sum();
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_LAMBDA,
                "await cannot be used as a method reference in an @Async method: the reference is called later,"
                        + " outside the state machine; call await(...) directly in the @Async body",
                "Futures::await", "Futures::await");
    }

    @Test
    void callOfAsyncMethodInLambdaIsAnImplicitAwait() {
        Input in = Input.checkout("""
                    @Async
                    int reserve(String item) { return await(price()); }

                    @Async
                    int total() {
                        Supplier<Integer> later = () -> reserve("book");
                        return later.get();
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_LAMBDA,
                "reserve(...) is @Async, so calling it awaits its result, which cannot happen inside a lambda:"
                        + " the lambda runs later, outside the state machine; call it before creating the lambda"
                        + " and capture the result, or call CheckoutAsync.reserve(this, ...) to get its Future",
                "later = ", "reserve(");
    }

    @Test
    void referenceToAsyncMethodInAsyncBody() {
        Input in = Input.checkout("""
                    @Async
                    int reserve(String item) { return await(price()); }

                    @Async
                    void all(List<String> items) {
                        items.forEach(this::reserve);
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_LAMBDA,
                "reserve(...) is @Async and cannot be used as a method reference in an @Async method",
                "this::reserve", "this::reserve");
    }

    @Test
    void lambdaInsideSynchronizedIsReportedAsLambdaOnly() {
        Input in = Input.checkout("""
                    final Object lock = new Object();

                    @Async
                    int total() {
                        synchronized (lock) {
                            Supplier<Integer> later = () -> await(price());
                            return later.get();
                        }
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_LAMBDA, IN_LAMBDA, "later = ", "await(");
    }

    @Test
    void lambdasAndClassesWithoutAwaitAreFine() {
        Input in = Input.checkout("""
                    @Async
                    int total(List<Integer> xs) {
                        int base = await(price());
                        Supplier<Integer> s = () -> base + 1;
                        Runnable r = new Runnable() {
                            @Override
                            public void run() { System.out.println(base); }
                        };
                        class Twice { int of(int x) { return 2 * x; } }
                        r.run();
                        return xs.stream().mapToInt(Integer::intValue).sum() + s.get() + new Twice().of(base);
                    }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void methodNamedAwaitOfAnotherClassIsNotFuturesAwait() {
        Input in = Input.of("shop.Latch", """
                package shop;

                import dev.ratchet.Async;
                import java.util.function.Supplier;

                class Latch {
                    int await() { return 1; }

                    @Async
                    int total() {
                        Supplier<Integer> s = () -> await();
                        return s.get();
                    }
                }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).succeededWithoutWarnings();
    }
}
