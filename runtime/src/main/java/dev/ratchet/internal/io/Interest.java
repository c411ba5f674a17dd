package dev.ratchet.internal.io;

import java.nio.channels.SelectionKey;

/**
 * What an I/O future waits for on a registered channel, and which of the channel's two waker
 * cells (read side or write side, as in Tokio's {@code ScheduledIo}) holds its waker.
 *
 * <p>Accepting and reading share the read side; connecting and writing share the write side. A
 * channel is either a listener (accept only) or a stream (the other three), so the two
 * operations that share a side never wait at the same time on one channel.
 */
public enum Interest {
    /** A connection is waiting to be accepted ({@link SelectionKey#OP_ACCEPT}). */
    ACCEPT(SelectionKey.OP_ACCEPT),
    /** Bytes or end-of-stream can be read ({@link SelectionKey#OP_READ}). */
    READ(SelectionKey.OP_READ),
    /** A non-blocking connect has finished, successfully or not ({@link SelectionKey#OP_CONNECT}). */
    CONNECT(SelectionKey.OP_CONNECT),
    /** The send buffer has room ({@link SelectionKey#OP_WRITE}). */
    WRITE(SelectionKey.OP_WRITE);

    /** The selector operations served by the read-side waker cell. */
    static final int READ_SIDE_OPS = SelectionKey.OP_ACCEPT | SelectionKey.OP_READ;
    /** The selector operations served by the write-side waker cell. */
    static final int WRITE_SIDE_OPS = SelectionKey.OP_CONNECT | SelectionKey.OP_WRITE;

    /** This interest as a {@link SelectionKey} operation bit. */
    final int ops;

    Interest(int ops) {
        this.ops = ops;
    }

    /** Whether the read-side cell holds the waker for this interest. */
    boolean isReadSide() {
        return (ops & READ_SIDE_OPS) != 0;
    }
}
