package dev.ratchet.miniredis;

import dev.ratchet.runtime.Executor;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs mini-redis: {@code java -cp ... dev.ratchet.miniredis.Main [--port N] [--bind ADDRESS]}.
 * The port defaults to 6379; {@code --port 0} picks a free one. Prints {@code mini-redis ready
 * on <address> port <port>} once listening; Ctrl-C (SIGINT/SIGTERM) shuts down gracefully.
 *
 * <pre>{@code
 * java -cp samples/mini-redis/target/classes:runtime/target/classes dev.ratchet.miniredis.Main --port 6380
 * redis-cli -p 6380 set greeting hello
 * }</pre>
 */
public final class Main {
    private Main() {}

    /** Command-line options. */
    record Options(String bind, int port) {
        static Options parse(String[] args) {
            String bind = "127.0.0.1";
            int port = 6379;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port", "-p" -> port = parsePort(value(args, ++i, a));
                    case "--bind" -> bind = value(args, ++i, a);
                    case "--help", "-h" -> throw new IllegalArgumentException("usage: " + USAGE);
                    default -> {
                        if (a.startsWith("-")) throw new IllegalArgumentException("unknown option " + a + "; usage: " + USAGE);
                        port = parsePort(a);
                    }
                }
            }
            return new Options(bind, port);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) throw new IllegalArgumentException(option + " needs a value; usage: " + USAGE);
            return args[i];
        }

        private static int parsePort(String s) {
            int port;
            try {
                port = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port must be a number in 0..65535, got '" + s + "'");
            }
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be in 0..65535, got " + port);
            return port;
        }
    }

    static final String USAGE = "mini-redis [--port N] [--bind ADDRESS]   (port 6379 by default, 0 for any free port)";

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (Executor executor = Executor.multiThreaded()) {
            Server server = Server.bind(new InetSocketAddress(options.bind(), options.port()), Limits.DEFAULT);
            // The JVM halts when the hooks return: wait until the server has drained and the
            // executor has closed (bounded, in case closing itself hangs).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.shutdown();
                try {
                    if (!stopped.await(Server.DEFAULT_GRACE.toSeconds() + 5, TimeUnit.SECONDS)) {
                        System.err.println("mini-redis: shutdown did not finish in time");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "mini-redis-shutdown"));
            InetSocketAddress bound = server.localAddress();
            System.out.println("mini-redis ready on " + bound.getAddress().getHostAddress() + " port " + bound.getPort());
            System.out.flush();
            executor.blockOn(ServerAsync.run(server));
            System.out.println("mini-redis: connections drained, closing");
        } finally {
            System.out.println("mini-redis: stopped");
            System.out.flush();
            stopped.countDown();
        }
    }
}
