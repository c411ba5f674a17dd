package dev.ratchet.processor.check;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class SuperCallCheckTest {
    private static final String BASE = """
            package shop;

            class Base {
                int fee() { return 1; }
            }
            """;

    @Test
    void superCallInAsyncBody() {
        Input base = Input.of("shop.Base", BASE);
        Input in = Input.of("shop.Shop", """
                package shop;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.Futures;

                class Shop extends Base {
                    @Override int fee() { return 2; }

                    @Async
                    int total() { return await(Futures.ready(1)) + super.fee(); }
                }
                """);
        Compilation c = Compile.compile(base.file, in.file);
        in.assertOnlyError(c, CheckMessages.SUPER_CALL_IN_ASYNC,
                "super.fee cannot be called in an @Async method: the body runs in the generated class ShopAsync,"
                        + " which can only call fee virtually; call super.fee from a non-@Async helper method of this"
                        + " class, and call that helper instead",
                "super.fee()", ".fee()");
    }

    @Test
    void superReferenceInAsyncBody() {
        Input base = Input.of("shop.Base", BASE);
        Input in = Input.of("shop.Shop", """
                package shop;

                import dev.ratchet.Async;
                import java.util.function.IntSupplier;

                class Shop extends Base {
                    @Async
                    int total() {
                        IntSupplier s = super::fee;
                        return s.getAsInt();
                    }
                }
                """);
        Compilation c = Compile.compile(base.file, in.file);
        in.assertOnlyError(c, CheckMessages.SUPER_CALL_IN_ASYNC, "super.fee cannot be called in an @Async method",
                "super::fee", "super::fee");
    }

    @Test
    void superInsideAnonymousClassOfTheBodyIsThatClassesOwn() {
        Input base = Input.of("shop.Base", BASE);
        Input in = Input.of("shop.Shop", """
                package shop;

                import dev.ratchet.Async;

                class Shop {
                    @Async
                    int total() {
                        Base b = new Base() {
                            @Override int fee() { return super.fee() + 1; }
                        };
                        return b.fee();
                    }
                }
                """);
        Compilation c = Compile.compile(base.file, in.file);
        assertThat(c).succeededWithoutWarnings();
    }
}
