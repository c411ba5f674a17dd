package dev.ratchet.processor.check;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class AsyncOverrideCheckTest {
    private static final Input BASE = Input.of("shop.Base", """
            package shop;

            import dev.ratchet.Async;

            class Base {
                @Async
                int fee(int cost) { return cost / 10; }

                @Async
                static int rate() { return 5; }
            }
            """);

    @Test
    void plainOverrideInSubclass() {
        Input sub = Input.of("shop.Express", """
                package shop;

                class Express extends Base {
                    @Override
                    int fee(int cost) { return 0; }
                }
                """);
        Compilation c = Compile.compile(BASE.file, sub.file);
        sub.assertOnlyError(c, CheckMessages.ASYNC_OVERRIDE,
                "this method overrides @Async method Base.fee(...): @Async methods are bound statically (calls"
                        + " compile to BaseAsync.fee(base, ...)), so an override would never run; rename the method,"
                        + " or declare the overridden method to return a dev.ratchet.Future without @Async if"
                        + " subclasses must override it",
                "int fee(", "fee(");
    }

    @Test
    void asyncOverrideInSubclassOfSubclass() {
        Input sub = Input.of("shop.Express", """
                package shop;

                import dev.ratchet.Async;

                class Express extends Base {}

                class Overnight extends Express {
                    @Async
                    int fee(int cost) { return 1; }
                }
                """);
        Compilation c = Compile.compile(BASE.file, sub.file);
        sub.assertOnlyError(c, CheckMessages.ASYNC_OVERRIDE, "this method overrides @Async method Base.fee(...)",
                "int fee(", "fee(");
    }

    @Test
    void overrideOfAsyncDefaultMethod() {
        Input in = Input.of("shop.Priced", """
                package shop;

                import dev.ratchet.Async;

                interface Priced {
                    @Async
                    default int price() { return 1; }
                }

                class Book implements Priced {
                    public int price() { return 2; }
                }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_OVERRIDE,
                "this method overrides @Async method Priced.price(): @Async methods are bound statically (calls"
                        + " compile to PricedAsync.price(priced))",
                "public int price()", "price()");
    }

    @Test
    void overrideInAnonymousSubclass() {
        Input in = Input.of("shop.Shop", """
                package shop;

                class Shop {
                    Base cheap() {
                        return new Base() {
                            @Override int fee(int cost) { return 0; }
                        };
                    }
                }
                """);
        Compilation c = Compile.compile(BASE.file, in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_OVERRIDE, "this method overrides @Async method Base.fee(...)",
                "int fee(", "fee(");
    }

    @Test
    void overrideInEnumConstantBody() {
        Input in = Input.of("shop.Mode", """
                package shop;

                import dev.ratchet.Async;

                enum Mode {
                    FAST {
                        @Override int speed() { return 2; }
                    },
                    SLOW;

                    @Async int speed() { return 1; }
                }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_OVERRIDE, "this method overrides @Async method Mode.speed()",
                "@Override int speed()", "speed()");
    }

    @Test
    void overloadsAndStaticHidingAreNotOverrides() {
        Input sub = Input.of("shop.Express", """
                package shop;

                class Express extends Base {
                    int fee(long cost) { return 0; }
                    static int rate() { return 1; }
                }
                """);
        Compilation c = Compile.compile(BASE.file, sub.file);
        assertThat(c).succeededWithoutWarnings();
    }
}
