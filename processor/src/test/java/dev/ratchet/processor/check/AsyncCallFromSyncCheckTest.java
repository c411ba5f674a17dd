package dev.ratchet.processor.check;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncCallFromSyncCheckTest {
    private static final Input CHECKOUT = Input.checkout("""
                @Async
                boolean buy(String item, int cost) { return await(price()) < cost; }

                @Async
                static int count(int n) { return n + await(Futures.ready(1)); }

                @Async
                String reserve() { return "receipt"; }
            """);

    @Test
    void callFromAnotherClassNamesTheCompanionEntryWithTheReceiver() {
        Input shopper = Input.of("shop.Shopper", """
                package shop;

                class Shopper {
                    boolean shop(Checkout checkout) {
                        return checkout.buy("book", 12);
                    }
                }
                """);
        Compilation c = Compile.compile(CHECKOUT.file, shopper.file);
        shopper.assertOnlyError(c, CheckMessages.ASYNC_CALL_FROM_SYNC,
                "buy(...) is @Async: from synchronous code call CheckoutAsync.buy(checkout, ...) to get its"
                        + " Future, and run it with Executor.blockOn or spawn",
                "checkout.buy(", ".buy(");
    }

    @Test
    void callerUnitBeforeDeclaringUnitIsStillChecked() {
        Input shopper = Input.of("shop.Shopper", """
                package shop;

                class Shopper {
                    String shop(Checkout checkout) { return checkout.reserve(); }
                }
                """);
        Compilation c = Compile.compile(shopper.file, CHECKOUT.file);
        shopper.assertOnlyError(c, CheckMessages.ASYNC_CALL_FROM_SYNC,
                "reserve() is @Async: from synchronous code call CheckoutAsync.reserve(checkout) to get its Future",
                "checkout.reserve()", ".reserve(");
    }

    @Test
    void staticAsyncMethodEntryHasNoReceiver() {
        Input shopper = Input.of("shop.Shopper", """
                package shop;

                class Shopper {
                    int shop() { return Checkout.count(3); }
                }
                """);
        Compilation c = Compile.compile(CHECKOUT.file, shopper.file);
        shopper.assertOnlyError(c, CheckMessages.ASYNC_CALL_FROM_SYNC,
                "count(...) is @Async: from synchronous code call CheckoutAsync.count(...) to get its Future",
                "Checkout.count(", ".count(");
    }

    @Test
    void nestedClassCompanionIsOuterUnderscoreInner() {
        Input outer = Input.of("shop.Outer", """
                package shop;

                import dev.ratchet.Async;

                class Outer {
                    static class Inner {
                        @Async
                        int get() { return 1; }
                    }

                    int read(Inner inner) { return inner.get(); }
                }
                """);
        Compilation c = Compile.compile(outer.file);
        outer.assertOnlyError(c, CheckMessages.ASYNC_CALL_FROM_SYNC,
                "get() is @Async: from synchronous code call Outer_InnerAsync.get(inner) to get its Future",
                "inner.get()", ".get(");
    }

    @Test
    void callWithImplicitThisFromPlainMethodOfTheSameClass() {
        Input in = Input.checkout("""
                    @Async
                    String reserve() { return "receipt"; }

                    String now() { return reserve(); }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_CALL_FROM_SYNC,
                "reserve() is @Async: from synchronous code call CheckoutAsync.reserve(this) to get its Future",
                "String now()", "reserve()");
    }

    @Test
    void callFromStaticInitializer() {
        Input in = Input.checkout("""
                    @Async
                    static int count(int n) { return n; }

                    static final int FIRST;
                    static {
                        FIRST = count(1);
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.ASYNC_CALL_FROM_SYNC,
                "count(...) is @Async: from synchronous code call CheckoutAsync.count(...)", "FIRST = ", "count(");
    }

    @Test
    void callFromLambdaInPlainMethod() {
        Input shopper = Input.of("shop.Shopper", """
                package shop;

                import java.util.function.Supplier;

                class Shopper {
                    Supplier<String> later(Checkout checkout) {
                        return () -> checkout.reserve();
                    }
                }
                """);
        Compilation c = Compile.compile(CHECKOUT.file, shopper.file);
        shopper.assertOnlyError(c, CheckMessages.ASYNC_CALL_FROM_SYNC,
                "reserve() is @Async: from synchronous code call CheckoutAsync.reserve(checkout)",
                "checkout.reserve()", ".reserve(");
    }

    @Test
    void methodReferenceFromPlainMethod() {
        Input shopper = Input.of("shop.Shopper", """
                package shop;

                import java.util.List;

                class Shopper {
                    void all(List<Checkout> checkouts) {
                        checkouts.forEach(Checkout::reserve);
                    }
                }
                """);
        Compilation c = Compile.compile(CHECKOUT.file, shopper.file);
        shopper.assertOnlyError(c, CheckMessages.ASYNC_CALL_FROM_SYNC,
                "reserve() is @Async and cannot be used as a method reference: its body only runs as a state"
                        + " machine; use a lambda that calls CheckoutAsync.reserve(checkout) to get its Future",
                "Checkout::reserve", "Checkout::reserve");
    }

    @Test
    void callInAsyncBodyIsAnImplicitAwaitAndFine() {
        Input in = Input.checkout("""
                    @Async
                    boolean buy(String item) { return reserve() != null && item != null; }

                    @Async
                    String reserve() { return "receipt"; }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void sameNamedMethodThatIsNotAsyncIsFine() {
        Input shopper = Input.of("shop.Shopper", """
                package shop;

                class Shopper {
                    String reserve() { return "x"; }
                    String shop() { return reserve(); }
                }
                """);
        Compilation c = Compile.compile(CHECKOUT.file, shopper.file);
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void callOfAsyncMethodReadFromClassFile(@TempDir Path libraryDir) throws IOException {
        Input bank = Input.of("lib.Bank", """
                package lib;

                import dev.ratchet.Async;

                public class Bank {
                    @Async
                    public boolean decrement(int amount) { return amount > 0; }
                }
                """);
        Compilation library = Compile.compile(bank.file);
        assertThat(library).succeededWithoutWarnings();
        writeClass(library, "lib", "Bank", libraryDir);

        Input teller = Input.of("shop.Teller", """
                package shop;

                import lib.Bank;

                class Teller {
                    boolean pay(Bank bank) { return bank.decrement(3); }
                }
                """);
        Compilation c = javac()
                .withProcessors(TestProcessors.underTest())
                .withClasspath(classpathWith(libraryDir))
                .compile(teller.file);
        teller.assertOnlyError(c, CheckMessages.ASYNC_CALL_FROM_SYNC,
                "decrement(...) is @Async: from synchronous code call BankAsync.decrement(bank, ...)",
                "bank.decrement(", ".decrement(");
    }

    private static void writeClass(Compilation c, String pkg, String simpleName, Path dir) throws IOException {
        JavaFileObject classFile = c.generatedFile(StandardLocation.CLASS_OUTPUT, pkg, simpleName + ".class")
                .orElseThrow();
        Path target = dir.resolve(pkg).resolve(simpleName + ".class");
        Files.createDirectories(target.getParent());
        try (InputStream in = classFile.openInputStream()) {
            Files.copy(in, target);
        }
        assertThat(Files.size(target)).isGreaterThan(0L);
    }

    private static List<File> classpathWith(Path dir) {
        List<File> classpath = new ArrayList<>();
        classpath.add(dir.toFile());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }
        return classpath;
    }
}
