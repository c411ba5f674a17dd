package dev.ratchet.internal.io;

/**
 * Implemented by an executor's {@link dev.ratchet.internal.RuntimeHandle} that owns a {@link
 * Reactor}: I/O futures polled on that executor register their channels there instead of with
 * {@link Reactor#global()}. See {@link Reactor#current()}.
 */
public interface ReactorOwner {
    /** The reactor serving the I/O of tasks on this executor. */
    Reactor reactor();
}
