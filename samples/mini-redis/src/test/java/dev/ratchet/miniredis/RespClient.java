package dev.ratchet.miniredis;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately plain blocking client for tests: java.net.Socket, hand-written RESP, and a reply
 * reader independent of the server's code. Replies decode to: String (simple string), {@link
 * Err}, Long, String or null (bulk, as UTF-8), List (array).
 */
final class RespClient implements AutoCloseable {
    /** An error reply. */
    record Err(String message) {}

    final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RespClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, 5_000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** The RESP encoding of a request. */
    static byte[] encode(String... args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("*" + args.length + "\r\n").getBytes(UTF_8));
        for (String a : args) {
            byte[] bytes = a.getBytes(UTF_8);
            b.writeBytes(("$" + bytes.length + "\r\n").getBytes(UTF_8));
            b.writeBytes(bytes);
            b.writeBytes("\r\n".getBytes(UTF_8));
        }
        return b.toByteArray();
    }

    /** Sends one request and reads its reply. */
    Object call(String... args) throws IOException {
        send(encode(args));
        return read();
    }

    void send(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    void send(String raw) throws IOException {
        send(raw.getBytes(UTF_8));
    }

    Object read() throws IOException {
        int type = in.read();
        if (type < 0) throw new EOFException("server closed the connection");
        String line = line();
        switch (type) {
            case '+':
                return line;
            case '-':
                return new Err(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int n = Integer.parseInt(line);
                if (n < 0) return null;
                byte[] data = in.readNBytes(n + 2);
                if (data.length != n + 2) throw new EOFException("bulk cut short");
                return new String(data, 0, n, UTF_8);
            }
            case '*': {
                int n = Integer.parseInt(line);
                if (n < 0) return null;
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < n; i++) items.add(read());
                return items;
            }
            default:
                throw new IOException("not a RESP reply: type byte " + type + " then " + line);
        }
    }

    /** Whether the server closed the connection (reads end of stream within the timeout). */
    boolean readsEndOfStream() throws IOException {
        return in.read() < 0;
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) throw new EOFException("line cut short: " + b);
            if (c == '\r') {
                if (in.read() != '\n') throw new IOException("CR without LF");
                return b.toString(UTF_8);
            }
            b.write(c);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
