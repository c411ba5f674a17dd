/**
 * The CompletableFuture contender: the same workloads as stages on a 2-thread {@code
 * ForkJoinPool}, {@code CompletableFutureBench} for W1–W3 and {@code CompletableFutureContender}
 * for W4–W5. Uses only the JDK and JMH.
 */
package dev.ratchet.bench.cf;
