/**
 * A differential fuzzer for the processor (test scope): {@link
 * dev.ratchet.processor.fuzz.ProgramGenerator} writes random, valid, terminating {@code @Async}
 * programs ({@link dev.ratchet.processor.fuzz.Ast}, printed by {@link
 * dev.ratchet.processor.fuzz.Printer} with a synchronous twin whose {@code await} is {@link
 * dev.ratchet.processor.fuzz.Ref#await}); {@link dev.ratchet.processor.fuzz.BatchCompiler}
 * compiles many per javac run; {@link dev.ratchet.processor.fuzz.Oracle} runs each under every
 * schedule, driver and a cancellation and compares it with its twin; {@link
 * dev.ratchet.processor.fuzz.Shrinker} reduces what fails and {@link
 * dev.ratchet.processor.fuzz.RegressionWriter} writes it as a JUnit test replayed by {@link
 * dev.ratchet.processor.fuzz.FuzzCase}. Entry points: {@code FuzzSmokeTest} (default build) and
 * {@link dev.ratchet.processor.fuzz.FuzzCampaign} (long runs, see processor/FUZZING.md).
 *
 * <p>Uses the processor ({@code AsyncProcessor}), the runtime's executors, the test harness's
 * {@code Driver}, {@code Schedule} and {@code IoException}, and Google Compile Testing.
 */
package dev.ratchet.processor.fuzz;
