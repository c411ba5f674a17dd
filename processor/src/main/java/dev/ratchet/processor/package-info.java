/**
 * ratchet-processor: compiles {@code @Async} methods into poll-driven state machines.
 *
 * <p>{@link dev.ratchet.processor.AsyncProcessor} runs the pipeline per round: {@code check}
 * (misuse), {@code model} (what the user wrote), {@code analysis} (types, suspension points,
 * completion, liveness), {@code lowering} (the state graph), {@code codegen} (JavaPoet specs).
 * See {@code processor/DESIGN.md} for how and why. Uses all of them.
 */
package dev.ratchet.processor;
