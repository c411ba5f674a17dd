/**
 * The Ratchet contender: {@code RatchetBench} (W1–W3 under JMH; {@code
 * RatchetObservabilityOffBench} runs W1 and W3 without the long-poll watchdog, for the overhead
 * figures) and {@code RatchetContender} (W4–W5) on {@code Executor.multiThreaded()}, with {@code dev.ratchet.sync.Channel} and {@code
 * Futures.sleep}. The processor is not used yet: every task is a state machine written by hand
 * in the shape the processor generates (one state per await, live locals in fields, dead
 * references cleared, one budget unit spent per await — {@code Await}), each with the
 * {@code @Async} source it stands for in its Javadoc. {@code RatchetAsyncBench} runs W3 with the
 * machines that the processor generates from {@code AsyncChains} instead, and {@code
 * RatchetW3DirectBench} polls both W3 variants without an executor (the machines' own cost).
 * Uses the runtime and JMH.
 */
package dev.ratchet.bench.ratchet;
