/**
 * Misuse checks: the compile errors the processor reports before it generates anything.
 *
 * <p>{@link dev.ratchet.processor.check.MisuseChecker} scans a compilation unit once ({@code
 * UnitScanner}) into {@code UnitFacts} — the {@code @Async} method declarations, every suspension
 * site (an explicit {@code await} or an implicit one: a call of an {@code @Async} method) with where
 * it sits, and the class declarations — and then runs one {@link dev.ratchet.processor.check.Check}
 * class per rule over those facts, each reporting under a stable code from {@link
 * dev.ratchet.processor.check.CheckMessages}. Units that do not mention {@code await}, {@code
 * Async} or the name of a known {@code @Async} method are rejected by a syntactic {@code
 * QuickScan} and never attributed.
 *
 * <p>Uses only javax.lang.model, com.sun.source (public Tree API) and the processor's {@code
 * diagnostics} package.
 */
package dev.ratchet.processor.check;
