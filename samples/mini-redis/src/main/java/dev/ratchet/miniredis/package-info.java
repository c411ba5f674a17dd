/**
 * mini-redis: a Redis server speaking RESP2, written with Ratchet after Tokio's mini-redis — the
 * sample that shows a real network server on {@code @Async} methods.
 *
 * <p>Layers: {@link dev.ratchet.miniredis.RespParser} (bytes to requests, pure) and {@link
 * dev.ratchet.miniredis.RespWriter} (replies to bytes); {@link dev.ratchet.miniredis.Command}
 * (requests to typed commands); {@link dev.ratchet.miniredis.RequestHandler} (the three above,
 * without I/O: public, for blocking servers too); {@link dev.ratchet.miniredis.Db} (the keyspace with expiry) and
 * {@link dev.ratchet.miniredis.PubSub} (channels over {@code dev.ratchet.sync.Broadcast});
 * {@link dev.ratchet.miniredis.Connection} (one task per client) and {@link
 * dev.ratchet.miniredis.Server} (accept loop, graceful shutdown); {@link
 * dev.ratchet.miniredis.Main} (command line). Uses ratchet-runtime only ({@code dev.ratchet},
 * {@code .net}, {@code .sync}, {@code .time}, {@code .runtime}). The echo server of the network
 * benchmark is in {@code dev.ratchet.miniredis.echo}.
 */
package dev.ratchet.miniredis;
