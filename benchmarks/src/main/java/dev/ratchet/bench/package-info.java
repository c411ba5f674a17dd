/**
 * Benchmarks comparing Ratchet with virtual threads and CompletableFuture (the W1–W5).
 *
 * <p>{@code Workloads} fixes the sizes and checks; one JMH class per contender runs W1–W3 ({@code
 * ratchet.RatchetBench}, {@code vthreads.VirtualThreadBench}, {@code cf.CompletableFutureBench});
 * {@code Probes} runs W4–W5 on a {@code Contender}, one JVM per contender; {@code ResultsReport}
 * writes {@code RESULTS.md}. {@code run.sh} drives it all. Needs JDK 21+; uses JMH and the runtime.
 */
package dev.ratchet.bench;
