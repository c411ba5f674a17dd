package dev.ratchet.processor.harness;

/** The checked failure of {@link Io} futures under {@link Schedule#FAILING}. */
public final class IoException extends Exception {
    public IoException(String message) {
        super(message);
    }
}
