/**
 * The lock of the hottest synchronization primitives: {@link dev.ratchet.internal.lock.SpinLock},
 * for critical sections of a few field writes (a channel's buffer and permit pool, the task
 * registry's shards). Uses nothing else from the runtime.
 */
package dev.ratchet.internal.lock;
