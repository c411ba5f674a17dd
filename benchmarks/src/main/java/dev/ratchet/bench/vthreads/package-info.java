/**
 * The virtual-thread contender: the same workloads written as blocking code on virtual threads
 * (JDK 21+), {@code VirtualThreadBench} for W1–W3 and {@code VirtualThreadContender} for W4–W5.
 * Uses only the JDK and JMH.
 */
package dev.ratchet.bench.vthreads;
