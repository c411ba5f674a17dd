package dev.ratchet.net;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.debug.Traceable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Buffers an {@link AsyncRead} for line- and frame-oriented protocols: {@link #readLine()},
 * {@link #readExact(int)}, and the {@link #fill()}/{@link #peek()}/{@link #consume(int)} trio for
 * parsers that look ahead (a RESP parser: peek for a complete frame, fill when there is not
 * one). Tokio's {@code BufReader}; named so as not to clash with {@link java.io.BufferedReader}.
 *
 * <pre>{@code
 * BufReader in = new BufReader(stream);
 * String line;
 * while ((line = await(in.readLine())) != null) {        // null at end of stream
 *     if (line.startsWith("$")) {
 *         byte[] bulk = await(in.readExact(Integer.parseInt(line.substring(1)) + 2));
 *     }
 * }
 * }</pre>
 *
 * <h2>Limits</h2>
 * A line may be at most {@code maxLineLength} bytes, not counting its terminator; a longer one
 * fails {@link #readLine()} with an {@link IOException} (the connection should then be closed: the
 * rest of the line is still unread). The buffer starts at {@code min(8 KiB, limit)} and grows up
 * to {@code maxLineLength + 2} bytes (room for a maximal line and its {@code "\r\n"}), which also
 * bounds what {@link #fill()} may buffer. {@link #readExact(int)} is not bounded by it: it reads
 * large frames straight into the result.
 *
 * <h2>Cancellation and threading</h2>
 * The futures are cancel-safe — cancelling one loses no data: bytes already read stay in the
 * buffer for the next operation — except {@link #readExact(int)} of more than the buffer limit.
 * The next poll of a cancelled future throws {@link CancellationException}. A {@code BufReader}
 * is used by one task at a time: one operation pending at a time.
 */
public final class BufReader implements AsyncRead {
    /** Default largest line accepted by {@link #readLine()}, in bytes. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final AsyncRead source;
    private final int maxLineLength;
    /** The buffer never grows beyond this: a maximal line plus "\r\n". */
    private final int limit;

    /** Buffered bytes are {@code buf[start, end)}. */
    private byte[] buf;
    private int start;
    private int end;
    /** The source reported end of stream; it is not read again. */
    private boolean eof;

    /** A reader with {@link #DEFAULT_MAX_LINE_LENGTH}. */
    public BufReader(AsyncRead source) {
        this(source, DEFAULT_MAX_LINE_LENGTH);
    }

    /**
     * A reader whose lines may be at most {@code maxLineLength} bytes (without terminator).
     *
     * @throws IllegalArgumentException if {@code maxLineLength} is not positive
     */
    public BufReader(AsyncRead source, int maxLineLength) {
        this.source = Objects.requireNonNull(source, "source");
        if (maxLineLength <= 0 || maxLineLength > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxLineLength must be positive (and below 2^31 - 16), got " + maxLineLength);
        }
        this.maxLineLength = maxLineLength;
        this.limit = maxLineLength + 2;
        this.buf = new byte[Math.min(INITIAL_CAPACITY, limit)];
    }

    /** Number of bytes buffered (readable without waiting). */
    public int buffered() {
        return end - start;
    }

    /**
     * A read-only view of the buffered bytes, position 0 at the first unread byte. Valid until the
     * next operation on this reader; read it, then {@link #consume(int)} what you used.
     */
    public ByteBuffer peek() {
        return ByteBuffer.wrap(buf, start, end - start).slice().asReadOnlyBuffer();
    }

    /**
     * Drops the first {@code n} buffered bytes (after {@link #peek()}).
     *
     * @throws IllegalArgumentException if {@code n} is negative or more than {@link #buffered()}
     */
    public void consume(int n) {
        if (n < 0 || n > buffered()) {
            throw new IllegalArgumentException("can consume 0.." + buffered() + " buffered bytes, not " + n);
        }
        start += n;
        if (start == end) start = end = 0;
    }

    /**
     * Reads more bytes from the source into the buffer (at least one, waiting for them).
     * Completes with how many were added, or {@code -1} at end of stream.
     * The future fails with an {@link IOException} if the buffer already holds its limit of
     * {@code maxLineLength + 2} bytes: consume some first.
     */
    public Future<Integer> fill() {
        return new Op<>("fill") {
            @Override
            Poll<Integer> tryComplete() {
                if (lastFill != NOT_FILLED) return Poll.ready(lastFill);
                return eof ? Poll.ready(-1) : Poll.pending();
            }
        };
    }

    /**
     * Reads the next line, decoded as UTF-8, without its terminator ({@code "\n"} or {@code
     * "\r\n"}). Completes with {@code null} at end of stream; a last line without terminator is
     * returned as it is.
     * The future fails with an {@link IOException} if the line is longer than {@code
     * maxLineLength} bytes.
     */
    public Future<String> readLine() {
        return new Op<>("readLine") {
            /** How many buffered bytes were already searched for '\n' (relative to start). */
            private int scanned;

            @Override
            Poll<String> tryComplete() throws IOException {
                for (int i = start + scanned; i < end; i++) {
                    if (buf[i] == '\n') {
                        int length = i - start;
                        if (length > 0 && buf[i - 1] == '\r') length--;
                        String line = line(length);
                        consume(i + 1 - start);
                        return Poll.ready(line);
                    }
                }
                scanned = buffered();
                // One byte of slack: it may be the '\r' of a maximal line's "\r\n".
                if (scanned > maxLineLength + 1) throw tooLong();
                if (!eof) return Poll.pending();
                if (scanned == 0) return Poll.ready(null);
                String last = line(scanned);
                consume(scanned);
                return Poll.ready(last);
            }
        };
    }

    private String line(int length) throws IOException {
        if (length > maxLineLength) throw tooLong();
        return new String(buf, start, length, StandardCharsets.UTF_8);
    }

    private IOException tooLong() {
        return new IOException("line longer than the maximum of " + maxLineLength + " bytes");
    }

    /**
     * Reads exactly {@code n} bytes. Up to the buffer limit ({@code maxLineLength + 2}) the bytes
     * are gathered in the buffer and taken at once, so a cancelled {@code readExact} loses
     * nothing; a larger frame is copied out as it arrives (buffered bytes first, then straight
     * from the source), so cancelling that one loses what it had read — like Tokio's {@code
     * read_exact}.
     *
     * <p>The future fails with an {@link EOFException} if the stream ends first.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Future<byte[]> readExact(int n) {
        if (n < 0) throw new IllegalArgumentException("byte count must not be negative, got " + n);
        if (n <= limit) {
            return new Op<>("readExact") {
                @Override
                Poll<byte[]> tryComplete() throws IOException {
                    if (buffered() >= n) {
                        byte[] result = Arrays.copyOfRange(buf, start, start + n);
                        consume(n);
                        return Poll.ready(result);
                    }
                    if (eof) throw new EOFException("stream ended after " + buffered() + " of " + n + " bytes");
                    return Poll.pending();
                }
            };
        }
        return new Op<>("readExact") {
            private final byte[] result = new byte[n];
            private int filled;

            @Override
            Poll<byte[]> tryComplete() throws IOException {
                int take = Math.min(buffered(), n - filled);
                System.arraycopy(buf, start, result, filled, take);
                filled += take;
                consume(take);
                if (filled == n) return Poll.ready(result);
                if (eof) throw new EOFException("stream ended after " + filled + " of " + n + " bytes");
                return Poll.pending();
            }

            @Override
            ByteBuffer readTarget() {
                return ByteBuffer.wrap(result, filled, n - filled); // the buffer is empty here
            }

            @Override
            void onDirectRead(int count) {
                filled += count;
            }
        };
    }

    /**
     * Reads at least one byte into {@code dst}: buffered bytes if there are any, else from the
     * source (straight into {@code dst} if it is at least as large as the buffer).
     */
    @Override
    public Future<Integer> read(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        return new Op<>("read") {
            /** The count of a direct read into dst. */
            private int directCount;

            @Override
            Poll<Integer> tryComplete() {
                if (!dst.hasRemaining()) return Poll.ready(0);
                int take = Math.min(buffered(), dst.remaining());
                if (take > 0) {
                    dst.put(buf, start, take);
                    consume(take);
                    return Poll.ready(take);
                }
                return eof ? Poll.ready(-1) : Poll.pending();
            }

            @Override
            ByteBuffer readTarget() {
                return dst.remaining() >= buf.length ? dst : null;
            }

            @Override
            void onDirectRead(int count) {
                directCount = count;
            }

            @Override
            Poll<Integer> afterDirectRead() {
                return Poll.ready(directCount);
            }
        };
    }

    /** Makes room at the end of the buffer for a fill: compacts, else grows, else fails. */
    private void makeRoom() throws IOException {
        if (end < buf.length) return;
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        } else if (buf.length < limit) {
            buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, limit));
        } else {
            throw new IOException("read buffer is full (" + limit + " bytes, maxLineLength + 2): consume before filling");
        }
    }

    /** No fill has completed yet in this operation. */
    private static final int NOT_FILLED = Integer.MIN_VALUE;

    /**
     * One operation: completes from the buffer if it can ({@link #tryComplete}); otherwise reads
     * from the source — into the buffer, or straight into a target the operation names — and tries
     * again. Lazy, cancel-safe (the pending source read is cancelled; nothing buffered is lost),
     * spends one unit of budget per poll besides what the source spends.
     *
     * <p>{@link Traceable}: a dump shows the source read it waits for under it. The dump reads
     * {@link #pendingRead} and the buffer indexes racily from its own thread (a reference or int
     * read is atomic; a stale value only makes the dump a moment old).
     */
    private abstract class Op<T> implements Future<T>, Traceable {
        private final String name;
        /** The source read in progress, or null; poller-written, read racily by dumps. */
        private Future<Integer> pendingRead;
        private boolean direct; // whether pendingRead targets readTarget() rather than the buffer
        private boolean done;
        private volatile boolean cancelled;
        /** What the last fill added (or -1), for {@link #fill()}. */
        int lastFill = NOT_FILLED;

        Op(String name) {
            this.name = name;
        }

        /** Ready if the operation can complete with what is buffered (or with end of stream). */
        abstract Poll<T> tryComplete() throws IOException;

        /** Where to read directly instead of filling the buffer (only asked when it is empty), or null. */
        ByteBuffer readTarget() {
            return null;
        }

        /** A direct read into {@link #readTarget()} completed with {@code count} > 0 bytes. */
        void onDirectRead(int count) {}

        /** After a direct read: ready, or pending to try {@link #tryComplete} again. */
        Poll<T> afterDirectRead() {
            return Poll.pending();
        }

        @Override
        public final Poll<T> poll(Context cx) {
            if (done) throw new IllegalStateException(name + " on BufReader was polled after it completed");
            if (cancelled) {
                done = true;
                throw new CancellationException(name + " on BufReader was cancelled");
            }
            if (!cx.consumeBudget()) {
                cx.waker().wake();
                return Poll.pending();
            }
            try {
                while (true) {
                    if (pendingRead == null) {
                        Poll<T> ready = tryComplete();
                        if (ready.isReady()) return complete(ready);
                        startRead();
                    }
                    Poll<Integer> p = pendingRead.poll(cx);
                    if (p.isPending()) return Poll.pending();
                    pendingRead = null;
                    int n = p.value();
                    if (n < 0) {
                        eof = true;
                        lastFill = -1;
                    } else if (direct) {
                        onDirectRead(n);
                        Poll<T> after = afterDirectRead();
                        if (after.isReady()) return complete(after);
                    } else {
                        end += n;
                        lastFill = n;
                    }
                }
            } catch (RuntimeException | Error e) {
                done = true;
                throw e;
            } catch (IOException e) {
                done = true;
                throw Throwing.sneaky(e);
            }
        }

        private void startRead() throws IOException {
            ByteBuffer target = buffered() == 0 && !eof ? readTarget() : null;
            direct = target != null;
            if (!direct) {
                if (eof) throw new IllegalStateException("BufReader bug: " + name + " wants more after end of stream");
                makeRoom();
                target = ByteBuffer.wrap(buf, end, buf.length - end);
            }
            pendingRead = source.read(target);
        }

        private Poll<T> complete(Poll<T> ready) {
            done = true;
            return ready;
        }

        /** Cancels the pending source read (no data is lost) and makes the next poll throw. */
        @Override
        public final void cancel() {
            cancelled = true;
            Future<Integer> r = pendingRead;
            if (r != null) r.cancel();
        }

        @Override
        public StackTraceElement suspendedAt() {
            return null;
        }

        /** The pending source read, if any (racy: see the class notes). */
        @Override
        public List<? extends Future<?>> awaiting() {
            Future<Integer> r = pendingRead;
            return r == null ? List.of() : List.of(r);
        }

        /**
         * For task dumps: {@code BufReader.readLine() (12 bytes buffered)}; the source read is its
         * child. From a dump's thread {@code start} and {@code end} are read at different moments,
         * so their difference is clamped at 0.
         */
        @Override
        public String toString() {
            return "BufReader." + name + "() (" + Math.max(0, buffered()) + " bytes buffered" + (eof ? ", end of stream)" : ")");
        }
    }
}
