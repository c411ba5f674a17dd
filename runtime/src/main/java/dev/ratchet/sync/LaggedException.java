package dev.ratchet.sync;

/**
 * A {@link Broadcast} receiver fell so far behind that messages it had not received were
 * overwritten. The receiver has been moved to the oldest message still retained: the next receive
 * continues from there. Not fatal: catch it, account for the loss, keep receiving.
 *
 * <pre>{@code
 * try {
 *     event = await(rx.recv());
 * } catch (LaggedException e) {
 *     metrics.dropped(e.missed());
 * }
 * }</pre>
 */
public class LaggedException extends RuntimeException {
    private final long missed;

    public LaggedException(long missed) {
        super("broadcast receiver lagged: " + missed + " message(s) were overwritten before it received them");
        this.missed = missed;
    }

    /** How many messages this receiver missed. */
    public long missed() {
        return missed;
    }
}
