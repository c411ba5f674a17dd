package dev.ratchet.miniredis;

/**
 * What every connection of one server shares.
 *
 * <pre>{@code
 * new Connection(stream, server.context());
 * }</pre>
 *
 * @param port the port the server listens on (for INFO)
 */
record ServerContext(Db db, PubSub pubsub, Shutdown shutdown, ConnectionTracker connections, Limits limits, int port) {}
