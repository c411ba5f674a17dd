package dev.ratchet.net;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/** In-memory {@link AsyncRead}/{@link AsyncWrite} for the buffered helpers' edge cases. */
final class ScriptedIo {
    private ScriptedIo() {}

    /**
     * Delivers the given chunks, one (or part of one, if the buffer is smaller) per read; each read
     * is pending on its first poll (waking its task) when {@code pendingFirst}, like a socket with
     * nothing yet. End of stream after the last chunk; {@link #hold()} makes reads wait instead.
     */
    static final class Source implements AsyncRead {
        private final Deque<byte[]> chunks = new ArrayDeque<>();
        private final boolean pendingFirst;
        private boolean holding;
        int reads;
        int cancelledReads;
        long bytesDelivered;

        Source(boolean pendingFirst, byte[]... chunks) {
            this.pendingFirst = pendingFirst;
            for (byte[] c : chunks) this.chunks.add(c);
        }

        /** Reads wait (pending, no wake) until {@link #add} or {@link #release}. */
        Source hold() {
            holding = true;
            return this;
        }

        void add(byte[] chunk) {
            chunks.add(chunk);
        }

        void release() {
            holding = false;
        }

        @Override
        public Future<Integer> read(ByteBuffer dst) {
            reads++;
            return new Future<>() {
                boolean polled;

                @Override
                public Poll<Integer> poll(Context cx) {
                    if (pendingFirst && !polled) {
                        polled = true;
                        cx.waker().wake();
                        return Poll.pending();
                    }
                    if (chunks.isEmpty()) return holding ? Poll.pending() : Poll.ready(-1);
                    byte[] c = chunks.poll();
                    int n = Math.min(c.length, dst.remaining());
                    dst.put(c, 0, n);
                    if (n < c.length) chunks.addFirst(java.util.Arrays.copyOfRange(c, n, c.length));
                    bytesDelivered += n;
                    return Poll.ready(n);
                }

                @Override
                public void cancel() {
                    cancelledReads++;
                }
            };
        }
    }

    /**
     * Accepts at most {@code maxPerWrite} bytes per write; every write is pending on its first
     * poll when {@code pendingFirst}. {@link #failNext} makes the next write fail.
     */
    static final class Sink implements AsyncWrite {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final int maxPerWrite;
        private final boolean pendingFirst;
        boolean failNext;
        int writes;
        int cancelledWrites;

        Sink(int maxPerWrite, boolean pendingFirst) {
            this.maxPerWrite = maxPerWrite;
            this.pendingFirst = pendingFirst;
        }

        @Override
        public Future<Integer> write(ByteBuffer src) {
            writes++;
            return new Future<>() {
                boolean polled;

                @Override
                public Poll<Integer> poll(Context cx) {
                    if (pendingFirst && !polled) {
                        polled = true;
                        cx.waker().wake();
                        return Poll.pending();
                    }
                    if (failNext) {
                        failNext = false;
                        throw Throwing.sneaky(new IOException("sink failed"));
                    }
                    int n = Math.min(maxPerWrite, src.remaining());
                    byte[] b = new byte[n];
                    src.get(b);
                    received.write(b, 0, n);
                    return Poll.ready(n);
                }

                @Override
                public void cancel() {
                    cancelledWrites++;
                }
            };
        }
    }
}
