package dev.ratchet.processor.fuzz;

import dev.ratchet.processor.harness.Schedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Programs the fuzzer found failing, shrunk by {@link Shrinker} and written by {@link
 * RegressionWriter}: each compiles the {@code @Async} class and its synchronous twin and asserts
 * they agree. A test stays {@code @Disabled("fuzzer finding: ...")} until the processor is fixed;
 * then remove the annotation and its {@code ProgramGenerator.KnownBug} entry.
 */
class FuzzRegressionTest {
    /*
     * Found by FuzzCampaign --seed 11 (program 31), shrunk from 94 statements to 3. The generated
     * companion does not compile:
     *   P31Async.java:58: error: <identifier> expected
     *                               finallyNext = State.null;
     * Every lowered try whose finally cannot complete normally (return, throw, break or continue
     * at its end) does this: the try has no "after" state, and the completion record of the try
     * block's normal exit names it anyway.
     */
    @Test
    void finallyThatCannotCompleteNormally() {
        FuzzCase.of("P31", "m0", List.of(9, 10),
                """
                package fuzz;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.processor.fuzz.Fx;

                class P31 {
                    int acc;

                    @Async
                    int m0(int thrown, int p1) throws Exception {
                        try {
                        } finally {
                            await(Fx.io(-4));
                            return -4;
                        }
                    }
                }
                """,
                """
                package fuzz;

                import static dev.ratchet.processor.fuzz.Ref.await;

                import dev.ratchet.processor.fuzz.Fx;

                class P31Sync {
                    int acc;

                    int m0(int thrown, int p1) throws Exception {
                        try {
                        } finally {
                            await(Fx.io(-4));
                            return -4;
                        }
                    }
                }
                """)
                .assertAgreesEverywhere();
    }

    /* The same bug through break and throw in a finally, and a catch beside the finally. */
    @Test
    void finallyThatBreaksOrThrows() {
        FuzzCase.of("P32", "m0", List.of(3),
                """
                package fuzz;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.processor.fuzz.Fx;

                class P32 {
                    @Async
                    int m0(int n) throws Exception {
                        for (int i = 0; i < n; i++) {
                            try {
                                Fx.log("try " + i);
                            } finally {
                                await(Fx.io(i));
                                break;
                            }
                        }
                        try {
                            Fx.log("second");
                        } catch (RuntimeException e) {
                            await(Fx.io(1));
                        } finally {
                            await(Fx.io(2));
                            throw new IllegalStateException("from finally");
                        }
                    }
                }
                """,
                """
                package fuzz;

                import static dev.ratchet.processor.fuzz.Ref.await;

                import dev.ratchet.processor.fuzz.Fx;

                class P32Sync {
                    int m0(int n) throws Exception {
                        for (int i = 0; i < n; i++) {
                            try {
                                Fx.log("try " + i);
                            } finally {
                                await(Fx.io(i));
                                break;
                            }
                        }
                        try {
                            Fx.log("second");
                        } catch (RuntimeException e) {
                            await(Fx.io(1));
                        } finally {
                            await(Fx.io(2));
                            throw new IllegalStateException("from finally");
                        }
                    }
                }
                """)
                .assertAgreesEverywhere();
    }

    /*
     * Found by FuzzCampaign --seed 13 (program 35), shrunk from 93 statements to 2. A
     * try-with-resources over two existing variables that has no await inside is kept as written
     * in a lowered method, but its rewritten header lacks the ';' between the resources:
     *   try (final Fx.Res r58Captured = r58 final Fx.Res r59Captured = r59) {
     * FuzzSmokeTest's seed found the same with one existing and one declared resource,
     * {@code try (r6; Fx.Res r7 = new Fx.Res("r7", false)) {}}, in a method with no await at all.
     */
    @Test
    void tryWithTwoExistingResourcesKeptAsWritten() {
        FuzzCase.of("P35", "pollAwaited", List.of("ab", -2),
                """
                package fuzz;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.processor.fuzz.Fx;
                import dev.ratchet.processor.harness.IoException;
                import java.util.ArrayList;
                import java.util.List;

                @SuppressWarnings("all")
                class P35 {
                    int acc;

                    @Async
                    String pollAwaited(String p0, int p1) throws Exception {
                        Fx.Res r58 = await(Fx.io(new Fx.Res("r58", false)));
                        Fx.Res r59 = await(Fx.io(new Fx.Res("r59", false)));
                        try (r58; r59) {
                        }
                        return "";
                    }
                }
                """,
                """
                package fuzz;

                import static dev.ratchet.processor.fuzz.Ref.await;

                import dev.ratchet.processor.fuzz.Fx;
                import dev.ratchet.processor.fuzz.Ref;
                import dev.ratchet.processor.harness.IoException;
                import java.util.ArrayList;
                import java.util.List;

                @SuppressWarnings("all")
                class P35Sync {
                    int acc;

                    String pollAwaited(String p0, int p1) throws Exception {
                        Fx.Res r58 = await(Fx.io(new Fx.Res("r58", false)));
                        Fx.Res r59 = await(Fx.io(new Fx.Res("r59", false)));
                        try (r58; r59) {
                        }
                        return "";
                    }
                }
                """)
                .assertAgreesEverywhere();
    }

    /*
     * Found by FuzzCampaign --seed 16 (program 13337 of 20000), shrunk from 67 statements to 5.
     * `return` inside a try-with-resources that has no await (kept as written) nested in one
     * whose resource is awaited (lowered): the inner resource's close throws, and the outer
     * resource r3 is never closed — expected log [open r3, open r16, close r16, close r3], actual
     * [open r3, open r16, close r16]; both end with Boom "close r16". The exception thrown while
     * the kept statement returns escapes the outer try's close.
     */
    @Test
    void returnThroughNestedTryWithResourcesWhoseInnerCloseFails() {
        FuzzCase.of("P13337", "m0", List.of(),
                """
                package fuzz;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.processor.fuzz.Fx;
                import dev.ratchet.processor.harness.IoException;
                import java.util.ArrayList;
                import java.util.List;

                @SuppressWarnings("all")
                class P13337 {
                    int acc;

                    @Async
                    static String m0() throws Exception {
                        m1(new int[] {0, 4}, Fx.list(0), Fx.list(4));
                        return "";
                    }

                    @Async
                    static void m1(int[] p0, List<Integer> p1, List<Integer> p2) throws Exception {
                        try (Fx.Res r3 = await(Fx.io(new Fx.Res("r3", false)))) {
                            try (Fx.Res r16 = new Fx.Res("r16", true)) {
                                return;
                            }
                        }
                    }
                }
                """,
                """
                package fuzz;

                import static dev.ratchet.processor.fuzz.Ref.await;

                import dev.ratchet.processor.fuzz.Fx;
                import dev.ratchet.processor.fuzz.Ref;
                import dev.ratchet.processor.harness.IoException;
                import java.util.ArrayList;
                import java.util.List;

                @SuppressWarnings("all")
                class P13337Sync {
                    int acc;

                    static String m0() throws Exception {
                        m1(new int[] {0, 4}, Fx.list(0), Fx.list(4));
                        return "";
                    }

                    static void m1(int[] p0, List<Integer> p1, List<Integer> p2) throws Exception {
                        Ref.enter();
                        try {
                            m1$body(p0, p1, p2);
                        } catch (Throwable $t) {
                            throw Ref.rethrow($t);
                        }
                        Ref.leave();
                    }
                    static void m1$body(int[] p0, List<Integer> p1, List<Integer> p2) throws Exception {
                        try (Fx.Res r3 = await(Fx.io(new Fx.Res("r3", false)))) {
                            try (Fx.Res r16 = new Fx.Res("r16", true)) {
                                return;
                            }
                        }
                    }
                }
                """)
                .assertAgreesUnder(Oracle.DriverKind.HARNESS, new Plan(Schedule.READY, 0));
    }

    /*
     * Found by FuzzCampaign --seed 20261128 --await-in-expressions (program 12183), shrunk from
     * 107 statements to 7. The machine class failed verification (VerifyError "Instruction type
     * does not match stack map" in P12183Async$M0.resume) while the twin verified: javac (17 and
     * 25 alike) miscompiles `(switch (x) { ... all arms false ... }) && (switch ...)`, but in the
     * synchronous method it sits under `if (false)`, for which javac emits no code; the lowering
     * made the dead branch states, so javac compiled it. Constant conditions now lower to a goto to
     * the live side (Lowerer.branch). The else-branch and the await after it check that the live
     * side still runs and suspends.
     */
    @Test
    void deadBranchIsNotCompiled() {
        FuzzCase.of("P12183", "m0", List.of(2),
                """
                package fuzz;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.processor.fuzz.Fx;

                class P12183 {
                    int acc;

                    @Async
                    boolean m0(int p0) throws Exception {
                        if (false) {
                            int i59 = 0;
                            do {
                                boolean pending = ((switch (Math.floorMod(i59, 3)) { case 0 -> false; case 1 -> false; default -> false; }) && (switch (Math.floorMod(4, 3)) { case 0 -> true; case 1 -> true; default -> false; }));
                                m1("");
                            } while (++i59 < 1);
                            Fx.log("dead");
                        } else {
                            Fx.log("live " + await(Fx.io(p0)));
                        }
                        return m1("after") < 0;
                    }

                    @Async
                    static long m1(String p0) throws Exception {
                        Fx.log(p0);
                        return -8L;
                    }
                }
                """,
                """
                package fuzz;

                import static dev.ratchet.processor.fuzz.Ref.await;

                import dev.ratchet.processor.fuzz.Fx;
                import dev.ratchet.processor.fuzz.Ref;

                class P12183Sync {
                    int acc;

                    boolean m0(int p0) throws Exception {
                        if (false) {
                            int i59 = 0;
                            do {
                                boolean pending = ((switch (Math.floorMod(i59, 3)) { case 0 -> false; case 1 -> false; default -> false; }) && (switch (Math.floorMod(4, 3)) { case 0 -> true; case 1 -> true; default -> false; }));
                                m1("");
                            } while (++i59 < 1);
                            Fx.log("dead");
                        } else {
                            Fx.log("live " + await(Fx.io(p0)));
                        }
                        return m1("after") < 0;
                    }

                    static long m1(String p0) throws Exception {
                        Ref.enter();
                        try {
                            return Ref.leave(m1$body(p0));
                        } catch (Throwable $t) {
                            throw Ref.rethrow($t);
                        }
                    }
                    static long m1$body(String p0) throws Exception {
                        Fx.log(p0);
                        return -8L;
                    }
                }
                """)
                .assertAgreesEverywhere();
    }

    /**
     * Seed 20261201 #2872 (VERIFY_ERROR): the condition {@code true ? !true : true} is a constant
     * expression (JLS 15.29) that the constant check did not recognise (it knew literals, {@code
     * !}, {@code &&}, {@code ||} and constant fields), so the dead loop became states and javac 17
     * miscompiled its dead condition, as in {@link #deadBranchIsNotCompiled}. Constants are now
     * evaluated like javac (ConstantExpressions, checked against javac in ConstantExpressionsTest).
     */
    @Test
    void deadBranchBehindAConditionalConstantIsNotCompiled() {
        FuzzCase.of("P2872", "m0", List.of("ratchet", 13),
                """
                package fuzz;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.processor.fuzz.Fx;
                import dev.ratchet.processor.harness.IoException;
                import java.util.ArrayList;
                import java.util.List;

                @SuppressWarnings("all")
                class P2872 {
                    int acc;

                    @Async
                    void m0(String p0, int polls) throws Exception {
                        if ((true ? (!true) : true)) {
                            int i57 = 0;
                            while (await(Fx.io(i57++ < 1))) {
                                if (((switch (Math.floorMod(-4, 3)) { case 0 -> false; case 1 -> false; default -> false; }) && (switch (Math.floorMod(-4, 2)) { case 0 -> { Fx.log("w59 arm 0"); var w59y0 = false; yield w59y0; } default -> { Fx.log("w59 arm 1"); var w59y1 = false; yield w59y1; } }))) {
                                }
                            }
                        }
                    }
                }
                """,
                """
                package fuzz;

                import static dev.ratchet.processor.fuzz.Ref.await;

                import dev.ratchet.processor.fuzz.Fx;
                import dev.ratchet.processor.fuzz.Ref;
                import dev.ratchet.processor.harness.IoException;
                import java.util.ArrayList;
                import java.util.List;

                @SuppressWarnings("all")
                class P2872Sync {
                    int acc;

                    void m0(String p0, int polls) throws Exception {
                        if ((true ? (!true) : true)) {
                            int i57 = 0;
                            while (await(Fx.io(i57++ < 1))) {
                                if (((switch (Math.floorMod(-4, 3)) { case 0 -> false; case 1 -> false; default -> false; }) && (switch (Math.floorMod(-4, 2)) { case 0 -> { Fx.log("w59 arm 0"); var w59y0 = false; yield w59y0; } default -> { Fx.log("w59 arm 1"); var w59y1 = false; yield w59y1; } }))) {
                                }
                            }
                        }
                    }
                }
                """)
                .assertAgreesEverywhere();
    }

    /**
     * Seed 20261202 #6220 (VERIFY_ERROR): after {@code if (true) { throw ...; }} javac emits no
     * code (JLS 14.22 still calls the statement able to complete normally, for conditional
     * compilation), but the lowering kept the following await and statements as states, so javac
     * compiled a dead {@code (switch ...) ? ... : ...} it miscompiles. The lowering now ends the
     * block where javac's code generator does (Completion.emitsCodeAfter).
     */
    @Test
    void codeAfterAConstantIfThatThrowsIsNotCompiled() {
        FuzzCase.of("P6220", "m0", List.of("", 8),
                """
                package fuzz;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.processor.fuzz.Fx;
                import dev.ratchet.processor.harness.IoException;
                import java.util.ArrayList;
                import java.util.List;

                @SuppressWarnings("all")
                enum P6220 {
                    INSTANCE;
                    int acc;

                    @Async
                    int m0(String p0, int p1) throws Exception {
                        return -4;
                    }

                    @Async
                    String run(int[] future) throws Exception {
                        if (true) {
                            throw new ArithmeticException("t1");
                        }
                        if (await(Fx.io(true))) {
                            return ((switch (Math.floorMod(-4, 2)) { case 0 -> false; default -> false; }) ? (switch (Math.floorMod(5, 3)) { case 0 -> ""; case 1 -> "bc"; default -> "a"; }) : "zz".toUpperCase());
                        }
                        return "";
                    }
                }
                """,
                """
                package fuzz;

                import static dev.ratchet.processor.fuzz.Ref.await;

                import dev.ratchet.processor.fuzz.Fx;
                import dev.ratchet.processor.fuzz.Ref;
                import dev.ratchet.processor.harness.IoException;
                import java.util.ArrayList;
                import java.util.List;

                @SuppressWarnings("all")
                enum P6220Sync {
                    INSTANCE;
                    int acc;

                    int m0(String p0, int p1) throws Exception {
                        return -4;
                    }

                    String run(int[] future) throws Exception {
                        Ref.enter();
                        try {
                            return Ref.leave(run$body(future));
                        } catch (Throwable $t) {
                            throw Ref.rethrow($t);
                        }
                    }
                    String run$body(int[] future) throws Exception {
                        if (true) {
                            throw new ArithmeticException("t1");
                        }
                        if (await(Fx.io(true))) {
                            return ((switch (Math.floorMod(-4, 2)) { case 0 -> false; default -> false; }) ? (switch (Math.floorMod(5, 3)) { case 0 -> ""; case 1 -> "bc"; default -> "a"; }) : "zz".toUpperCase());
                        }
                        return "";
                    }
                }
                """)
                .assertAgreesEverywhere();
    }

    /**
     * Seed 20261209 #3065 (COMPILE_ERROR "unreachable statement"), shrunk from 20 statements to 6:
     * the only return of {@code m2} sits in a try whose finally throws, so for javac the return
     * never arrives and the state loop never ends; the machine still ended {@code poll} with
     * {@code return complete(result)}. A jump behind a finally that cannot complete normally no
     * longer counts as a way out (Snippet.Jump.arrives, Completion's JumpScanner).
     */
    @Test
    void returnBehindAFinallyThatThrowsDoesNotEndTheMachine() {
        FuzzCase.of("P3065", "m0", List.of(),
                """
                package fuzz;

                import static dev.ratchet.Futures.await;

                import dev.ratchet.Async;
                import dev.ratchet.processor.fuzz.Fx;
                import dev.ratchet.processor.harness.IoException;
                import java.util.ArrayList;
                import java.util.List;

                @SuppressWarnings("all")
                class P3065 {
                    int acc;

                    @Async
                    boolean m0() throws Exception {
                        return true;
                    }

                    @Async
                    long m2() throws Exception {
                        if (true) {
                            try {
                                return 9L;
                            } finally {
                                throw new Fx.Boom("t1");
                            }
                        }
                        return -8L;
                    }
                }
                """,
                """
                package fuzz;

                import static dev.ratchet.processor.fuzz.Ref.await;

                import dev.ratchet.processor.fuzz.Fx;
                import dev.ratchet.processor.fuzz.Ref;
                import dev.ratchet.processor.harness.IoException;
                import java.util.ArrayList;
                import java.util.List;

                @SuppressWarnings("all")
                class P3065Sync {
                    int acc;

                    boolean m0() throws Exception {
                        return true;
                    }

                    long m2() throws Exception {
                        Ref.enter();
                        try {
                            return Ref.leave(m2$body());
                        } catch (Throwable $t) {
                            throw Ref.rethrow($t);
                        }
                    }
                    long m2$body() throws Exception {
                        if (true) {
                            try {
                                return 9L;
                            } finally {
                                throw new Fx.Boom("t1");
                            }
                        }
                        return -8L;
                    }
                }
                """)
                .assertAgreesEverywhere();
    }
}
