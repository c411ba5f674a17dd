/**
 * Misuse checks: the compile errors the processor reports before it generates anything.
 *
 * <p>{@link dev.ratchet.processor.check.MisuseChecker} scans a compilation unit once ({@code
 * UnitScanner}) into {@code UnitFacts} — the {@code @Async} method declarations, every suspension
 * site (an explicit {@code await} or an implicit one: a call of an {@code @Async} method) with where
 * it sits, and the class declarations — and then runs one {@link dev.ratchet.processor.check.Check}
 * class per rule over those facts, each reporting under a stable code from {@link
 * dev.ratchet.processor.check.CheckMessages}. A unit that mentions no {@code Async} annotation (a
 * syntactic {@code QuickScan} tells) is checked only after javac attributed it ({@code
 * AfterAnalysis}), so that processing never attributes it a second time.
 *
 * <p>Uses only javax.lang.model, com.sun.source (public Tree API) and the processor's {@code
 * diagnostics} package.
 */
package dev.ratchet.processor.check;
