package dev.ratchet.processor.check;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class AwaitInSynchronizedCheckTest {
    private static final String IN_SYNCHRONIZED = "await cannot be used inside a synchronized block: the monitor"
            + " would stay held across the suspension, while the task is parked and its thread runs other tasks;"
            + " guard the state with dev.ratchet.sync.Mutex";

    @Test
    void awaitInSynchronizedBlock() {
        Input in = Input.checkout("""
                    final Object lock = new Object();
                    int total;

                    @Async
                    void add() {
                        synchronized (lock) {
                            total += await(price());
                        }
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_SYNCHRONIZED, IN_SYNCHRONIZED, "total += ", "await(");
    }

    @Test
    void awaitInSynchronizedInsideTry() {
        Input in = Input.checkout("""
                    final Object lock = new Object();

                    @Async
                    int read() {
                        try {
                            synchronized (lock) {
                                if (lock.hashCode() > 0) {
                                    return Futures.await(stage());
                                }
                            }
                        } finally {
                            System.out.println("done");
                        }
                        return 0;
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_SYNCHRONIZED, IN_SYNCHRONIZED, "return Futures.await", ".await(");
    }

    @Test
    void awaitInTryInsideSynchronized() {
        Input in = Input.checkout("""
                    @Async
                    int read() {
                        synchronized (this) {
                            try {
                                return await(price());
                            } catch (RuntimeException e) {
                                return -1;
                            }
                        }
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_SYNCHRONIZED, IN_SYNCHRONIZED, "return await(", "await(");
    }

    @Test
    void implicitAwaitInSynchronized() {
        Input in = Input.checkout("""
                    @Async
                    int reserve() { return await(price()); }

                    @Async
                    int read() {
                        synchronized (this) {
                            return reserve();
                        }
                    }
                """);
        Compilation c = Compile.compile(in.file);
        in.assertOnlyError(c, CheckMessages.AWAIT_IN_SYNCHRONIZED,
                "reserve() is @Async, so calling it awaits its result, which cannot happen inside a synchronized"
                        + " block",
                "return reserve()", "reserve()");
    }

    @Test
    void synchronizedWithoutAwaitAroundAwaitsIsFine() {
        Input in = Input.checkout("""
                    int total;

                    @Async
                    int add() {
                        int p = await(price());
                        synchronized (this) {
                            total += p;
                        }
                        return await(stage()) + total;
                    }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void synchronizedInSynchronousCodeIsNotThisRulesBusiness() {
        Input in = Input.checkout("""
                    int total;

                    void add(int p) {
                        synchronized (this) {
                            total += p;
                        }
                    }
                """);
        Compilation c = Compile.compile(in.file);
        assertThat(c).succeededWithoutWarnings();
    }
}
