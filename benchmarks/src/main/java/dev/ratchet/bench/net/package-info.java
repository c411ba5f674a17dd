/**
 * Network benchmarks run by {@code benchmarks/run-net.sh}: the virtual-thread peers of Ratchet's
 * servers ({@code VirtualThreadEchoServer}, {@code VirtualThreadMiniRedis}: a {@code
 * ServerSocket} and one virtual thread per connection with blocking streams) and the fixed echo
 * load generator ({@code EchoClient}) used against both echo servers. The Ratchet servers are
 * {@code dev.ratchet.miniredis.Main} and {@code dev.ratchet.miniredis.echo.EchoServer} in
 * ratchet-mini-redis; {@code VirtualThreadMiniRedis} reuses that module's parser, commands and
 * keyspace through {@code dev.ratchet.miniredis.RequestHandler}. Uses the JDK (21+) and
 * ratchet-mini-redis only.
 */
package dev.ratchet.bench.net;
