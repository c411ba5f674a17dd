package dev.ratchet.processor.fuzz;

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
}
