package dev.ratchet.net;

import dev.ratchet.Waker;
import dev.ratchet.internal.io.Interest;
import dev.ratchet.internal.io.Reactor;
import dev.ratchet.internal.io.ReactorHandle;
import java.io.IOException;
import java.nio.channels.SelectableChannel;

/**
 * A non-blocking channel plus its (lazily made) reactor registration and its closed state: what
 * {@link TcpStream} and {@link TcpListener} share.
 *
 * <p>The channel is registered with {@link Reactor#current()} the first time one of its futures
 * would block, so it is served by the reactor of the executor that first waits on it (not by
 * whatever thread created it).
 */
final class IoSource {
    private final SelectableChannel channel;
    private final String kind; // "stream" or "listener", for messages

    /** Created once under {@code this}; volatile for the lock-free fast path of {@link #handle}. */
    private volatile ReactorHandle handle;
    /** Set once under {@code this} by {@link #close}; volatile so futures check it without the lock. */
    private volatile boolean closed;

    IoSource(SelectableChannel channel, String kind) {
        this.channel = channel;
        this.kind = kind;
    }

    /** Stores {@code waker} to be woken when the channel is ready for {@code interest}. */
    void arm(Interest interest, Waker waker) throws IOException {
        handle().arm(interest, waker);
    }

    /** Withdraws the interest {@code waker} armed, if it is still armed (cancellation). */
    void disarm(Interest interest, Waker waker) {
        ReactorHandle h = handle;
        if (h != null) h.disarm(interest, waker);
    }

    /** The registration, made on first use. Never made after close, so close finds it. */
    ReactorHandle handle() throws IOException {
        ReactorHandle h = handle;
        if (h != null) return h;
        synchronized (this) {
            if (closed) throw closedException();
            if (handle == null) handle = Reactor.current().register(channel);
            return handle;
        }
    }

    /** The registration if one was made, else null (for tests). */
    ReactorHandle handleIfRegistered() {
        return handle;
    }

    boolean isClosed() {
        return closed;
    }

    /** The error for any operation on a closed source: {@code IOException("stream is closed")}. */
    IOException closedException() {
        return new IOException(kind + " is closed");
    }

    void ensureOpen() throws IOException {
        if (closed) throw closedException();
    }

    /**
     * Closes the channel, then wakes the futures waiting on it (they fail with "closed") and lets
     * the reactor finish the close. Idempotent.
     */
    void close() throws IOException {
        ReactorHandle h;
        synchronized (this) {
            if (closed) return;
            closed = true;
            h = handle;
        }
        try {
            channel.close();
        } finally {
            if (h != null) h.close();
        }
    }
}
