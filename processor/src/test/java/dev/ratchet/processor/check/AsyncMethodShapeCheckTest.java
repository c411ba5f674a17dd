package dev.ratchet.processor.check;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class AsyncMethodShapeCheckTest {
    @Test
    void abstractMethodOfAbstractClass() {
        Input in = Input.of("shop.Payment", """
                package shop;

                import dev.ratchet.Async;

                abstract class Payment {
                    @Async abstract boolean pay(int cost);
                }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_ABSTRACT,
                "@Async cannot be used on an abstract method: the processor compiles an @Async method's body into"
                        + " a state machine, and calls are bound statically to its companion entry; give the method"
                        + " a body, or declare it to return a dev.ratchet.Future without @Async",
                "@Async abstract", "@Async");
    }

    @Test
    void abstractInterfaceMethod() {
        Input in = Input.of("shop.Bank", """
                package shop;

                import dev.ratchet.Async;

                interface Bank {
                    @Async
                    boolean decrement(int cost);
                }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_ABSTRACT,
                "@Async cannot be used on an abstract method", "@Async", "@Async");
        assertThat(c).hadErrorContaining("give the method a body (a default or static method)");
    }

    @Test
    void nativeMethod() {
        Input in = Input.of("shop.Native", """
                package shop;

                import dev.ratchet.Async;

                class Native {
                    @dev.ratchet.Async
                    native int read();
                }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_NATIVE,
                "@Async cannot be used on a native method: there is no body to compile into a state machine",
                "@dev.ratchet.Async", "@dev");
    }

    @Test
    void synchronizedMethod() {
        Input in = Input.checkout("""
                    @Async
                    synchronized int total() { return await(price()); }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_SYNCHRONIZED,
                "@Async methods cannot be synchronized: the body runs as a state machine over many polls, and a"
                        + " monitor cannot be held across a suspension; remove synchronized and guard the state with"
                        + " dev.ratchet.sync.Mutex",
                "    @Async", "@Async");
    }

    @Test
    void methodOfLocalClass() {
        Input in = Input.checkout("""
                    void run() {
                        class Local {
                            @Async int f() { return 1; }
                        }
                        System.out.println(new Local());
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_IN_LOCAL_CLASS,
                "@Async cannot be used on a method of a local class: the companion class is generated beside the"
                        + " top-level class and cannot refer to it; move the method into a top-level or member class",
                "@Async int f()", "@Async");
    }

    @Test
    void methodOfAnonymousClassInsideAsyncBody() {
        Input in = Input.checkout("""
                    @Async
                    int total() {
                        Object o = new Object() {
                            @Async int f() { return 1; }
                        };
                        return o.hashCode() + await(price());
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_IN_LOCAL_CLASS,
                "@Async cannot be used on a method of an anonymous class", "@Async int f()", "@Async");
    }

    @Test
    void methodOfMemberClassOfLocalClass() {
        Input in = Input.checkout("""
                    void run() {
                        class Local {
                            class Member {
                                @Async int f() { return 1; }
                            }
                        }
                        System.out.println(new Local());
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_IN_LOCAL_CLASS,
                "@Async cannot be used on a method of a local class", "@Async int f()", "@Async");
    }

    @Test
    void methodOfEnumConstantBody() {
        Input in = Input.of("shop.Mode", """
                package shop;

                import dev.ratchet.Async;

                enum Mode {
                    FAST {
                        @Async int speed() { return 2; }
                    };
                }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_IN_LOCAL_CLASS,
                "@Async cannot be used on a method of an anonymous class", "@Async int speed()", "@Async");
    }

    @Test
    void methodOfPrivateNestedClass() {
        Input in = Input.of("shop.Outer", """
                package shop;

                import dev.ratchet.Async;

                class Outer {
                    private static class Hidden {
                        @Async int f() { return 1; }
                    }
                }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_IN_PRIVATE_CLASS,
                "@Async cannot be used in private class Hidden: its companion Outer_HiddenAsync is generated as a"
                        + " separate class in the same package and cannot refer to a private class; make Hidden"
                        + " package-private",
                "@Async int f()", "@Async");
    }

    @Test
    void everyPlacementTheSpecAllowsIsFine() {
        Input in = Input.of("shop.Places", """
                package shop;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.Futures;

                class Places {
                    @Async static int onStatic() { return await(Futures.ready(1)); }
                    @Async int onInstance() { return await(Futures.ready(2)); }
                    @Async private int onPrivate() { return 3; }
                    @Async int callsPrivate() { return onPrivate(); }

                    static class Member {
                        @Async int f() { return 1; }
                    }

                    class Inner {
                        @Async int g() { return 2; }
                    }

                    interface Api {
                        @Async default int d() { return 3; }
                        @Async static int s() { return 4; }
                    }

                    record Point(int x, int y) {
                        @Async int sum() { return x + y; }
                    }

                    enum Mode {
                        FAST;
                        @Async int speed() { return ordinal(); }
                    }
                }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).succeededWithoutWarnings();
    }
}
