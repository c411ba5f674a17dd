package dev.ratchet.miniredis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real redis-cli (and redis-benchmark) against the server, when installed (apt: redis-tools). */
class RedisCliTest {
    private static final String CLI = "/usr/bin/redis-cli";
    private static final String BENCHMARK = "/usr/bin/redis-benchmark";
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        Assumptions.assumeTrue(new File(CLI).exists(), "redis-cli is not installed");
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(CLI, "-h", "127.0.0.1", "-p", String.valueOf(server.address().getPort())));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs to completion (20 s at most) with {@code stdin}; returns stdout's lines. */
    private static List<String> run(List<String> command, String stdin) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "still running: " + command);
        assertEquals(0, p.exitValue(), command + " failed:\n" + out);
        return out.lines().toList();
    }

    @Test
    void commandsFromArguments() throws Exception {
        assertEquals(List.of("PONG"), run(command("PING"), ""));
        assertEquals(List.of("OK"), run(command("SET", "greeting", "hello world"), ""));
        assertEquals(List.of("hello world"), run(command("GET", "greeting"), ""));
        assertEquals(List.of("1"), run(command("INCR", "n"), ""));
        assertEquals("ERR value is not an integer or out of range", run(command("INCR", "greeting"), "").get(0));
        assertEquals(List.of("1"), run(command("DEL", "greeting"), ""));
        assertEquals(List.of(""), run(command("GET", "greeting"), ""), "nil prints as an empty line when not a tty");
    }

    @Test
    void commandsFromStdin() throws Exception {
        assertEquals(List.of("OK", "OK", "3", "a-value"),
                run(command(), "SET a a-value\nSET b 2 EX 100\nINCRBY b 1\nGET a\n"));
    }

    @Test
    void pipeModeSendsTenThousandCommands() throws Exception {
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < 10_000; i++) raw.append(new String(RespClient.encode("SET", "key" + i, "value" + i), UTF_8));
        List<String> out = run(command("--pipe"), raw.toString());
        assertTrue(out.get(out.size() - 1).contains("errors: 0, replies: 10000"), String.join("\n", out));
        assertEquals(List.of("value9999"), run(command("GET", "key9999"), ""));
    }

    @Test
    void subscribeReceivesWhatPublishSends() throws Exception {
        Process sub = new ProcessBuilder(command("SUBSCRIBE", "news")).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(sub.getInputStream(), UTF_8));
            assertEquals(List.of("subscribe", "news", "1"), List.of(lines.readLine(), lines.readLine(), lines.readLine()));
            assertEquals(List.of("1"), run(command("PUBLISH", "news", "extra extra"), ""));
            assertEquals(List.of("message", "news", "extra extra"), List.of(lines.readLine(), lines.readLine(), lines.readLine()));
        } finally {
            sub.destroy();
            assertTrue(sub.waitFor(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void redisBenchmarkRunsCleanly() throws Exception {
        Assumptions.assumeTrue(new File(BENCHMARK).exists(), "redis-benchmark is not installed");
        List<String> cmd = List.of(BENCHMARK, "-h", "127.0.0.1", "-p", String.valueOf(server.address().getPort()),
                "-t", "set,get", "-n", "5000", "-c", "10", "-P", "4", "-q");
        List<String> out = run(cmd, "");
        String all = String.join("\n", out);
        assertTrue(all.contains("SET:") && all.contains("GET:") && all.contains("requests per second"), all);
        assertTrue(!all.contains("ERR"), all);
    }
}
