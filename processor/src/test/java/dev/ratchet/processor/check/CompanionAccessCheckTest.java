package dev.ratchet.processor.check;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class CompanionAccessCheckTest {
    private static final String WHY = " is private in Checkout, and the @Async method runs as a state machine in"
            + " the generated class CheckoutAsync, which cannot access private members; make it package-private"
            + " or add a package-private accessor";

    @Test
    void privateFieldViaThis() {
        Input in = Input.checkout("""
                    private int discount;

                    @Async
                    int total() { return await(price()) - this.discount; }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.PRIVATE_ACCESS, "field discount" + WHY, "this.discount", ".discount");
    }

    @Test
    void privateFieldViaBareName() {
        Input in = Input.checkout("""
                    private int discount;

                    @Async
                    int total() { return await(price()) - discount; }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.PRIVATE_ACCESS, "field discount" + WHY, "- discount", "discount;");
    }

    @Test
    void writeOfPrivateFieldToo() {
        Input in = Input.checkout("""
                    private int seen;

                    @Async
                    void count() {
                        await(price());
                        seen++;
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.PRIVATE_ACCESS, "field seen" + WHY, "seen++", "seen");
    }

    @Test
    void privateMethodCall() {
        Input in = Input.checkout("""
                    private int tax(int p) { return p / 10; }

                    @Async
                    int total() { return tax(await(price())); }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.PRIVATE_ACCESS, "method tax(...)" + WHY, "return tax(", "tax(");
    }

    @Test
    void privateConstructor() {
        Input in = Input.checkout("""
                    static class Receipt {
                        private Receipt() {}
                    }

                    @Async
                    Object receipt() { await(price()); return new Receipt(); }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.PRIVATE_ACCESS,
                "constructor Receipt(...) is private in Checkout.Receipt", "new Receipt()", "new Receipt()");
    }

    @Test
    void privateNestedClassInBody() {
        Input in = Input.checkout("""
                    private static final class Line {
                        static int of(int p) { return p; }
                    }

                    @Async
                    int total() { return Line.of(await(price())); }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.PRIVATE_ACCESS, "class Line" + WHY, "return Line.of", "Line.of");
    }

    @Test
    void privateNestedClassInSignature() {
        Input in = Input.checkout("""
                    private static final class Line {}

                    @Async
                    int total(Line line) { return await(price()) + line.hashCode(); }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.PRIVATE_ACCESS, "class Line" + WHY, "int total(", "Line line");
    }

    @Test
    void privateMethodReference() {
        Input in = Input.checkout("""
                    private static int twice(int p) { return 2 * p; }

                    @Async
                    int total(List<Integer> xs) {
                        return await(price()) + xs.stream().mapToInt(Checkout::twice).sum();
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.PRIVATE_ACCESS, "method twice(...)" + WHY, "Checkout::twice",
                "Checkout::twice");
    }

    @Test
    void privateFieldInsideLambdaOfTheBody() {
        Input in = Input.checkout("""
                    private int discount;

                    @Async
                    int total() {
                        Supplier<Integer> s = () -> discount;
                        return await(price()) - s.get();
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.PRIVATE_ACCESS, "field discount" + WHY, "() -> discount", "discount;");
    }

    @Test
    void nestedClassReadingOuterPrivate() {
        Input in = Input.of("shop.Outer", """
                package shop;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.Futures;

                class Outer {
                    private static int secret = 1;

                    static class Inner {
                        @Async int read() { return await(Futures.ready(1)) + secret; }
                    }
                }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.PRIVATE_ACCESS,
                "field secret is private in Outer, and the @Async method runs as a state machine in the generated"
                        + " class Outer_InnerAsync",
                "+ secret", "secret;");
    }

    @Test
    void everyPrivateUseIsReported() {
        Input in = Input.checkout("""
                    private int a;
                    private int b;

                    @Async
                    int total() { return await(price()) + a + this.b; }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).hadErrorCount(2);
        in.assertError(c, CheckMessages.PRIVATE_ACCESS, "field a" + WHY, "int total()", "a + ");
        in.assertError(c, CheckMessages.PRIVATE_ACCESS, "field b" + WHY, "int total()", ".b;");
    }

    @Test
    void recordComponentReadsAreAllowed() {
        Input in = Input.of("shop.Price", """
                package shop;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.Futures;

                record Price(int amount, String currency) {
                    @Async
                    int plus(Price other) {
                        return await(Futures.ready(amount)) + this.amount + other.amount + currency.length();
                    }
                }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void privateStaticFieldOfRecordIsNotAComponent() {
        Input in = Input.of("shop.Price", """
                package shop;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.Futures;

                record Price(int amount) {
                    private static int scale = 100;

                    @Async
                    int scaled() { return await(Futures.ready(amount)) * scale; }
                }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.PRIVATE_ACCESS, "field scale is private in Price", "* scale", "scale;");
    }

    @Test
    void privatesOfClassesDeclaredInTheBodyAndPackagePrivateMembersAreFine() {
        Input in = Input.checkout("""
                    int discount;
                    protected int fee;
                    static int tax(int p) { return p / 10; }

                    @Async
                    int total() {
                        class Acc {
                            private int sum;
                            private void add(int x) { sum += x; }
                        }
                        Acc acc = new Acc();
                        acc.add(await(price()));
                        return acc.sum - discount + fee + tax(acc.sum);
                    }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void callOfPrivateAsyncMethodIsAnImplicitAwaitNotAnAccess() {
        Input in = Input.checkout("""
                    @Async
                    private int reserve() { return await(price()); }

                    @Async
                    int total() { return reserve() + 1; }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).succeededWithoutWarnings();
    }

    private static final Input FOREIGN_BASE = Input.of("lib.Base", """
            package lib;

            public class Base {
                protected int fee = 1;
                protected int tax(int p) { return p / 10; }
                protected static int rate() { return 5; }
                protected Base() {}
            }
            """);

    @Test
    void protectedMethodInheritedFromAnotherPackage() {
        Input in = Input.of("shop.Shop", """
                package shop;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.Futures;

                class Shop extends lib.Base {
                    @Async
                    int total() { return tax(await(Futures.ready(100))); }
                }
                """);
        Compilation c = Compile.compile(FOREIGN_BASE.file, in.file);
        in.assertOnlyError(c, CheckMessages.PROTECTED_ACCESS,
                "method tax(...) is protected in lib.Base, another package, and the @Async method runs as a state"
                        + " machine in the generated class ShopAsync, which is no subclass of it; call it from a"
                        + " non-@Async helper method of this class, and call that helper instead",
                "return tax(", "tax(");
    }

    @Test
    void protectedFieldAndStaticMethodInheritedFromAnotherPackage() {
        Input in = Input.of("shop.Shop", """
                package shop;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.Futures;

                class Shop extends lib.Base {
                    @Async
                    int total() { return await(Futures.ready(1)) + this.fee + rate(); }
                }
                """);
        Compilation c = Compile.compile(FOREIGN_BASE.file, in.file);
        assertThat(c).hadErrorCount(2);
        in.assertError(c, CheckMessages.PROTECTED_ACCESS, "field fee is protected in lib.Base", "int total()", ".fee");
        in.assertError(c, CheckMessages.PROTECTED_ACCESS, "method rate() is protected in lib.Base", "int total()",
                "rate()");
    }

    @Test
    void protectedMembersUsedByASubclassDeclaredInTheBodyAreFine() {
        Input in = Input.of("shop.Shop", """
                package shop;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.Futures;
                import lib.Base;

                class Shop {
                    @Async
                    int total() {
                        Base b = new Base() {
                            @Override protected int tax(int p) { return super.tax(p) + fee; }
                        };
                        return b.hashCode() + await(Futures.ready(1));
                    }
                }
                """);
        Compilation c = Compile.compile(FOREIGN_BASE.file, in.file);
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void protectedMembersOfTheSamePackageAreFine() {
        Input in = Input.checkout("""
                    protected int fee = 1;
                    protected int tax(int p) { return p / 10; }

                    @Async
                    int total() { return tax(await(price())) + fee; }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).succeededWithoutWarnings();
    }
}
