/**
 * Waking machinery shared by the runtime's resources: {@link dev.ratchet.internal.waker.AtomicWaker}
 * (the waker cell of a single waiting task), {@link dev.ratchet.internal.waker.WaitQueue} (the
 * intrusive FIFO of waiters behind every {@code dev.ratchet.sync} primitive) and
 * {@link dev.ratchet.internal.waker.Budget} (spend-on-ready cooperative budget). Uses only the core
 * API ({@code Waker}, {@code Context}).
 */
package dev.ratchet.internal.waker;
