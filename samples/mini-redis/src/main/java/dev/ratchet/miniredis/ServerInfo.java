package dev.ratchet.miniredis;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The minimal INFO and CONFIG GET answers that redis-cli and redis-benchmark ask for at startup
 * (redis-benchmark reads {@code save} and {@code appendonly} to warn about persistence).
 *
 * <pre>{@code
 * ServerInfo.configGet(List.of("save"), reply);   // *2 $4 save $0 ""
 * }</pre>
 */
final class ServerInfo {
    /** The only settings this server has an answer for: no persistence of any kind. */
    private static final Map<String, String> CONFIG = new LinkedHashMap<>();

    static {
        CONFIG.put("save", "");
        CONFIG.put("appendonly", "no");
        CONFIG.put("databases", "1");
    }

    private ServerInfo() {}

    /** CONFIG GET: name/value pairs of the settings matching any pattern ("*" or an exact name). */
    static void configGet(List<String> patterns, RespWriter reply) {
        Map<String, String> matched = new LinkedHashMap<>();
        for (String pattern : patterns) {
            for (Map.Entry<String, String> e : CONFIG.entrySet()) {
                if (pattern.equals("*") || pattern.equalsIgnoreCase(e.getKey())) matched.put(e.getKey(), e.getValue());
            }
        }
        reply.arrayHeader(matched.size() * 2);
        for (Map.Entry<String, String> e : matched.entrySet()) {
            reply.bulk(e.getKey().getBytes(StandardCharsets.US_ASCII));
            reply.bulk(e.getValue().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** INFO: a few fields in Redis's "# Section / key:value" format. */
    static String info(ServerContext server) {
        return "# Server\r\n"
                + "redis_version:7.0.0\r\n"
                + "redis_mode:standalone\r\n"
                + "server_name:ratchet-mini-redis\r\n"
                + "process_id:" + ProcessHandle.current().pid() + "\r\n"
                + "tcp_port:" + server.port() + "\r\n"
                + "\r\n# Clients\r\n"
                + "connected_clients:" + server.connections().open() + "\r\n"
                + "\r\n# Keyspace\r\n"
                + "db0:keys=" + server.db().size() + ",expires=" + server.db().expiryRecords() + "\r\n";
    }
}
