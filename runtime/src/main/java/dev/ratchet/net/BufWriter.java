package dev.ratchet.net;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.debug.Traceable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Buffers writes to an {@link AsyncWrite}: {@code write} only copies into memory, {@link
 * #flush()} sends everything buffered. For protocols that answer with many small pieces
 * (pipelined RESP replies): write them all, flush once. Tokio's {@code BufWriter}; named so as
 * not to clash with {@link java.io.BufferedWriter}.
 *
 * <pre>{@code
 * BufWriter out = new BufWriter(stream);
 * out.write("+OK\r\n").write("$5\r\nhello\r\n");
 * await(out.flush());
 * }</pre>
 *
 * <p>The buffer grows as needed ({@code write} never waits): flush regularly, e.g. whenever the
 * reader has no more input buffered, to bound memory.
 *
 * <h2>Cancellation and threading</h2>
 * A cancelled {@link #flush()} loses nothing: bytes not yet accepted by the sink stay buffered
 * for the next flush, and its next poll throws {@link CancellationException}. {@code write} may
 * be called while a flush is pending (e.g. between its polls); the bytes are sent by that flush
 * or the next. A {@code BufWriter} is used by one task at a time, with one flush pending at a
 * time.
 */
public final class BufWriter {
    /** Initial buffer size used by {@link #BufWriter(AsyncWrite)}. */
    public static final int DEFAULT_CAPACITY = 8 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final AsyncWrite sink;
    /** Buffered bytes are {@code buf[start, end)}. */
    private byte[] buf;
    private int start;
    private int end;
    /**
     * A flush has a sink write pending over {@code buf[start, end)} of the array it saw. Until it
     * completes, those bytes must keep their offsets (its result advances {@code start}): {@code
     * write} then never compacts, and grows by copying to a new array with the same offsets.
     */
    private boolean writePending;

    /** A writer with a {@value #DEFAULT_CAPACITY}-byte initial buffer. */
    public BufWriter(AsyncWrite sink) {
        this(sink, DEFAULT_CAPACITY);
    }

    /**
     * A writer whose buffer starts at {@code initialCapacity} bytes (it grows as needed).
     *
     * @throws IllegalArgumentException if {@code initialCapacity} is not positive
     */
    public BufWriter(AsyncWrite sink, int initialCapacity) {
        this.sink = Objects.requireNonNull(sink, "sink");
        if (initialCapacity <= 0) {
            throw new IllegalArgumentException("initialCapacity must be positive, got " + initialCapacity);
        }
        this.buf = new byte[initialCapacity];
    }

    /** Buffers all of {@code b}. */
    public BufWriter write(byte[] b) {
        Objects.requireNonNull(b, "b");
        return write(b, 0, b.length);
    }

    /** Buffers {@code b[off, off+len)}. */
    public BufWriter write(byte[] b, int off, int len) {
        Objects.requireNonNull(b, "b");
        Objects.checkFromIndexSize(off, len, b.length);
        ensureRoom(len);
        System.arraycopy(b, off, buf, end, len);
        end += len;
        return this;
    }

    /** Buffers the remaining bytes of {@code src} (advancing its position). */
    public BufWriter write(ByteBuffer src) {
        Objects.requireNonNull(src, "src");
        int len = src.remaining();
        ensureRoom(len);
        src.get(buf, end, len);
        end += len;
        return this;
    }

    /** Buffers {@code s} encoded as UTF-8. */
    public BufWriter write(String s) {
        return write(Objects.requireNonNull(s, "s").getBytes(StandardCharsets.UTF_8));
    }

    /** Number of bytes buffered and not yet accepted by the sink. */
    public int buffered() {
        return end - start;
    }

    /**
     * Writes everything buffered (including bytes added while the flush is pending) to the sink.
     * Lazy; see the class notes on cancellation.
     */
    public Future<Void> flush() {
        return new Flush();
    }

    private void ensureRoom(int len) {
        if (buf.length - end >= len) return;
        int size = end - start;
        if ((long) size + len > MAX_ARRAY) throw new OutOfMemoryError("BufWriter cannot buffer more than 2 GiB: flush first");
        if (!writePending && buf.length >= size + len) { // compacting is enough
            System.arraycopy(buf, start, buf, 0, size);
            start = 0;
            end = size;
            return;
        }
        int from = writePending ? start : 0; // keep offsets while a write is pending (see field)
        long needed = (long) from + size + len;
        if (needed > MAX_ARRAY) {
            throw new OutOfMemoryError("BufWriter buffer would exceed 2 GiB while a flush is pending: await it first");
        }
        byte[] bigger = new byte[(int) Math.min(MAX_ARRAY, Math.max(needed, 2L * buf.length))];
        System.arraycopy(buf, start, bigger, from, size);
        buf = bigger;
        start = from;
        end = from + size;
    }

    /**
     * {@link #flush()}: one sink write at a time until the buffer is empty. {@link Traceable}: a
     * dump shows the sink write it waits for under it (read racily from the dump's thread).
     */
    private final class Flush implements Future<Void>, Traceable {
        /** The sink write in progress, or null; poller-written, read racily by dumps. */
        private Future<Integer> pendingWrite;
        private boolean done;
        private volatile boolean cancelled;

        @Override
        public Poll<Void> poll(Context cx) {
            if (done) throw new IllegalStateException("flush on BufWriter was polled after it completed");
            if (cancelled) {
                done = true;
                writePending = false;
                throw new CancellationException("flush on BufWriter was cancelled");
            }
            if (!cx.consumeBudget()) {
                cx.waker().wake();
                return Poll.pending();
            }
            try {
                while (true) {
                    if (pendingWrite == null) {
                        if (start == end) {
                            start = end = 0;
                            done = true;
                            return Poll.ready(null);
                        }
                        pendingWrite = sink.write(ByteBuffer.wrap(buf, start, end - start));
                        writePending = true;
                    }
                    Poll<Integer> p = pendingWrite.poll(cx);
                    if (p.isPending()) return Poll.pending();
                    pendingWrite = null;
                    writePending = false;
                    start += p.value();
                }
            } catch (Throwable e) { // the sink's IOException arrives sneakily
                fail();
                throw e;
            }
        }

        private void fail() {
            done = true;
            pendingWrite = null;
            writePending = false; // a failed write wrote nothing more: the bytes may move again
        }

        /** Cancels the pending sink write; unsent bytes stay buffered. Call from the owning task. */
        @Override
        public void cancel() {
            cancelled = true;
            Future<Integer> w = pendingWrite;
            if (w != null) w.cancel();
        }

        @Override
        public StackTraceElement suspendedAt() {
            return null;
        }

        /** The pending sink write, if any (racy). */
        @Override
        public List<? extends Future<?>> awaiting() {
            Future<Integer> w = pendingWrite;
            return w == null ? List.of() : List.of(w);
        }

        /**
         * For task dumps: {@code BufWriter.flush() (120 bytes left)}; the sink write is its child.
         * From a dump's thread {@code start} and {@code end} are read at different moments, so
         * their difference is clamped at 0.
         */
        @Override
        public String toString() {
            return "BufWriter.flush() (" + Math.max(0, buffered()) + " bytes left)";
        }
    }
}
