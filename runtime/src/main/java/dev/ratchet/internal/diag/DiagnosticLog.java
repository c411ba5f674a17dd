package dev.ratchet.internal.diag;

/**
 * Where the {@link Watchdog}'s warnings go: {@link #systemLogger()} in production; tests pass
 * their own to read the messages (a {@code System.LoggerFinder} is global to the JVM).
 */
@FunctionalInterface
public interface DiagnosticLog {
    /** Logs one warning. Must not throw. */
    void warn(String message);

    /** Warnings through {@code System.getLogger("dev.ratchet.runtime")}, at level WARNING. */
    static DiagnosticLog systemLogger() {
        System.Logger logger = System.getLogger("dev.ratchet.runtime");
        return message -> logger.log(System.Logger.Level.WARNING, message);
    }
}
