package dev.ratchet.miniredis;

/**
 * The client sent bytes that are not a valid RESP request (or break a limit). The connection
 * answers {@code -ERR Protocol error: <message>} and closes, as Redis does: after a framing error
 * there is no way to find the start of the next request.
 */
final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    ProtocolException(String message) {
        super(message);
    }
}
