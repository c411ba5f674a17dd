/**
 * The base class of the state machines that ratchet-processor generates for {@code @Async}
 * methods ({@link dev.ratchet.internal.machine.AsyncStateMachine}): completion, cooperative
 * cancellation, the budget spent by every await, and awaiting a child future.
 *
 * <p>For generated code only; not API: it may change in any release together with the processor
 * that targets it. Uses only the public API ({@code dev.ratchet}).
 */
package dev.ratchet.internal.machine;
