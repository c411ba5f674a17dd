package dev.ratchet.miniredis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void options() {
        assertEquals(new Main.Options("127.0.0.1", 6379), Main.Options.parse(new String[0]));
        assertEquals(new Main.Options("127.0.0.1", 0), Main.Options.parse(new String[] {"--port", "0"}));
        assertEquals(new Main.Options("0.0.0.0", 7000), Main.Options.parse(new String[] {"--bind", "0.0.0.0", "7000"}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new String[] {"--port", "x"}));
        assertEquals("port must be a number in 0..65535, got 'x'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new String[] {"-p", "70000"}));
        assertEquals("port must be in 0..65535, got 70000", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new String[] {"--port"}));
        assertTrue(e.getMessage().startsWith("--port needs a value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new String[] {"--verbose"}));
        assertTrue(e.getMessage().startsWith("unknown option --verbose"), e.getMessage());
    }

    /**
     * The real program in its own JVM: {@code --port 0} prints the bound port; SIGTERM (what
     * Ctrl-C's SIGINT also triggers: the shutdown hook) drains and stops it with exit status 143.
     */
    @Test
    void mainPrintsThePortServesAndShutsDownGracefullyOnSigterm() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8));
            String ready = out.readLine();
            assertTrue(ready != null && ready.startsWith("mini-redis ready on 127.0.0.1 port "), String.valueOf(ready));
            int port = Integer.parseInt(ready.substring(ready.lastIndexOf(' ') + 1));
            assertTrue(port > 0);
            try (RespClient c = new RespClient(new InetSocketAddress("127.0.0.1", port))) {
                assertEquals("OK", c.call("SET", "k", "v"));
                assertEquals("v", c.call("GET", "k"));
                // SIGTERM (Process.destroy() would also close our end of its stdout).
                assertTrue(p.toHandle().destroy(), "SIGTERM sent");
                assertTrue(c.readsEndOfStream(), "the open connection is closed by the graceful shutdown");
            }
            List<String> rest = out.lines().toList(); // until the process exits
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the server did not stop");
            assertEquals(List.of("mini-redis: connections drained, closing", "mini-redis: stopped"), rest);
            assertEquals(143, p.exitValue(), "128 + SIGTERM, after the hook finished");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void classPathForTheChildJvmContainsTheServer() {
        String cp = System.getProperty("java.class.path");
        assertTrue(List.of(cp.split(File.pathSeparator)).stream().anyMatch(e -> e.endsWith("classes")), cp);
    }
}
