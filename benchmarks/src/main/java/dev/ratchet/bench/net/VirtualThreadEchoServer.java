package dev.ratchet.bench.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Echoes every byte each client sends, one virtual thread per connection with blocking socket
 * streams: the virtual-thread peer of {@code dev.ratchet.miniredis.echo.EchoServer}, with the
 * same buffer size and the same read-then-write-all loop.
 *
 * <pre>{@code
 * java -cp benchmarks/target/classes:... dev.ratchet.bench.net.VirtualThreadEchoServer --port 0
 * # echo ready on 127.0.0.1 port 40124
 * }</pre>
 *
 * <p>Serves until the process is killed.
 */
public final class VirtualThreadEchoServer {
    static final int BUFFER = 16 * 1024;

    private VirtualThreadEchoServer() {}

    /** Usage: {@code VirtualThreadEchoServer [--port N]} (0, the default, picks a free port, printed on the first line). */
    public static void main(String[] args) throws IOException {
        int port = Ports.parse(args, "VirtualThreadEchoServer");
        try (ServerSocket listener = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress())) {
            System.out.println("echo ready on 127.0.0.1 port " + listener.getLocalPort());
            System.out.flush();
            while (true) {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                Thread.ofVirtual().start(() -> echo(socket));
            }
        }
    }

    static void echo(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) out.write(buffer, 0, n);
        } catch (IOException e) {
            // a reset: the ordinary end of a benchmark connection
        }
    }
}
