package dev.ratchet.net;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Hand-written state machines used by the socket tests (the runtime module cannot use the
 * processor): what {@code @Async} code would compile to, written out.
 */
final class Tasks {
    private Tasks() {}

    /** How many bytes and their CRC-32. */
    record Digest(long bytes, long crc) {}

    /** Server side of one connection: echoes everything until end of stream, then closes. */
    static final class Echo implements Future<Long> {
        private final TcpStream stream;
        private final ByteBuffer buf = ByteBuffer.allocate(8192);
        private Future<Integer> read;
        private Future<Void> write;
        private long echoed;

        Echo(TcpStream stream) {
            this.stream = stream;
        }

        @Override
        public Poll<Long> poll(Context cx) {
            while (true) {
                if (write != null) {
                    if (write.poll(cx).isPending()) return Poll.pending();
                    write = null;
                    buf.clear();
                }
                if (read == null) read = stream.read(buf);
                Poll<Integer> p = read.poll(cx);
                if (p.isPending()) return Poll.pending();
                read = null;
                int n = p.value();
                if (n < 0) {
                    close(stream);
                    return Poll.ready(echoed);
                }
                echoed += n;
                buf.flip();
                write = stream.writeAll(buf);
            }
        }
    }

    /** Accepts {@code count} connections, spawning an {@link Echo} for each on {@code loop}. */
    static final class AcceptEchoes implements Future<Integer> {
        private final TcpListener listener;
        private final TaskLoop loop;
        private final int count;
        private int accepted;
        private Future<TcpStream> accept;

        AcceptEchoes(TcpListener listener, TaskLoop loop, int count) {
            this.listener = listener;
            this.loop = loop;
            this.count = count;
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            while (accepted < count) {
                if (accept == null) accept = listener.accept();
                Poll<TcpStream> p = accept.poll(cx);
                if (p.isPending()) return Poll.pending();
                accept = null;
                accepted++;
                loop.spawn(new Echo(p.value()));
            }
            return Poll.ready(accepted);
        }
    }

    /** Accepts {@code count} connections, spawning an {@link Echo} task for each on the current executor. */
    static final class AcceptAndSpawn implements Future<List<JoinHandle<Long>>> {
        private final TcpListener listener;
        private final int count;
        private final List<JoinHandle<Long>> echoes = new ArrayList<>();
        private Future<TcpStream> accept;

        AcceptAndSpawn(TcpListener listener, int count) {
            this.listener = listener;
            this.count = count;
        }

        @Override
        public Poll<List<JoinHandle<Long>>> poll(Context cx) {
            while (echoes.size() < count) {
                if (accept == null) accept = listener.accept();
                Poll<TcpStream> p = accept.poll(cx);
                if (p.isPending()) return Poll.pending();
                accept = null;
                echoes.add(Futures.spawn(new Echo(p.value())));
            }
            return Poll.ready(echoes);
        }
    }

    /**
     * Client of an echo server: connects, sends {@code payload} (then half-closes) while reading
     * the echo until end of stream; completes with what came back.
     */
    static final class EchoClient implements Future<byte[]> {
        private final Future<TcpStream> connect;
        private final ByteBuffer out;
        private final ByteBuffer in;
        private TcpStream stream;
        private Future<Void> write;
        private Future<Integer> read;
        private boolean sent;
        private boolean ended;

        EchoClient(InetSocketAddress server, byte[] payload) {
            this.connect = TcpStream.connect(server);
            this.out = ByteBuffer.wrap(payload);
            this.in = ByteBuffer.allocate(payload.length + 1); // +1: room to notice extra bytes
        }

        @Override
        public Poll<byte[]> poll(Context cx) {
            if (stream == null) {
                Poll<TcpStream> c = connect.poll(cx);
                if (c.isPending()) return Poll.pending();
                stream = c.value();
                write = stream.writeAll(out);
            }
            // Drive both directions in the same poll: they wait on different waker cells.
            if (!sent && write.poll(cx).isReady()) {
                sent = true;
                shutdownOutput(stream);
            }
            while (!ended) {
                if (read == null) read = stream.read(in);
                Poll<Integer> p = read.poll(cx);
                if (p.isPending()) break;
                read = null;
                if (p.value() < 0) ended = true;
                else if (!in.hasRemaining()) throw new AssertionError("server sent more than it was sent");
            }
            if (!sent || !ended) return Poll.pending();
            close(stream);
            return Poll.ready(Arrays.copyOf(in.array(), in.position()));
        }
    }

    /** Reads until end of stream, digesting what it read. */
    static final class Drain implements Future<Digest> {
        private final TcpStream stream;
        private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        private final CRC32 crc = new CRC32();
        private long bytes;
        private Future<Integer> read;

        Drain(TcpStream stream) {
            this.stream = stream;
        }

        @Override
        public Poll<Digest> poll(Context cx) {
            while (true) {
                if (read == null) read = stream.read(buf.clear());
                Poll<Integer> p = read.poll(cx);
                if (p.isPending()) return Poll.pending();
                read = null;
                int n = p.value();
                if (n < 0) return Poll.ready(new Digest(bytes, crc.getValue()));
                bytes += n;
                crc.update(buf.array(), 0, n);
            }
        }
    }

    /** Writes {@code total} pseudo-random bytes (seeded), half-closes, and returns their digest. */
    static final class SendGenerated implements Future<Digest> {
        private final TcpStream stream;
        private final Random random;
        private final ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        private final CRC32 crc = new CRC32();
        private long left;
        private final long total;
        private Future<Void> write;

        SendGenerated(TcpStream stream, long total, long seed) {
            this.stream = stream;
            this.total = total;
            this.left = total;
            this.random = new Random(seed);
        }

        @Override
        public Poll<Digest> poll(Context cx) {
            while (true) {
                if (write != null) {
                    if (write.poll(cx).isPending()) return Poll.pending();
                    write = null;
                }
                if (left == 0) {
                    shutdownOutput(stream);
                    return Poll.ready(new Digest(total, crc.getValue()));
                }
                int n = (int) Math.min(chunk.capacity(), left);
                byte[] bytes = chunk.array();
                random.nextBytes(bytes);
                crc.update(bytes, 0, n);
                left -= n;
                write = stream.writeAll(chunk.clear().limit(n));
            }
        }
    }

    static void shutdownOutput(TcpStream s) {
        try {
            s.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void close(TcpStream s) {
        try {
            s.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
