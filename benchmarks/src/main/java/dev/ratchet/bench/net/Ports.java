package dev.ratchet.bench.net;

/**
 * The {@code --port N} option shared by the servers here.
 *
 * <pre>{@code
 * int port = Ports.parse(args, "VirtualThreadEchoServer");   // 0 (any free port) by default
 * }</pre>
 */
final class Ports {
    private Ports() {}

    static int parse(String[] args, String program) {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
                if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be in 0..65535, got " + port);
            } else {
                throw new IllegalArgumentException("usage: " + program + " [--port N]   (unknown argument " + args[i] + ")");
            }
        }
        return port;
    }
}
