/**
 * Timers: a hierarchical hashed {@link dev.ratchet.internal.time.TimerWheel timing wheel} (pure
 * data structure over ticks), the {@link dev.ratchet.internal.time.TickClock} that maps
 * {@code System.nanoTime()} to ticks, and the {@link dev.ratchet.internal.time.TimerDriver} that
 * owns a wheel and the one thread that fires it. Uses only the core API ({@code dev.ratchet.Waker}).
 * The public futures over it live in {@code dev.ratchet.time}.
 */
package dev.ratchet.internal.time;
