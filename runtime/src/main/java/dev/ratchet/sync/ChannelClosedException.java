package dev.ratchet.sync;

/**
 * A message could not be delivered because its channel is closed (the receiver was closed, the
 * sender used was closed, or a {@link Oneshot} sender went away without sending). When a message
 * was refused, {@link #undelivered()} gives it back, so nothing is lost silently.
 *
 * <pre>{@code
 * try {
 *     await(tx.send(order));
 * } catch (ChannelClosedException e) {
 *     Order back = (Order) e.undelivered();
 *     requeue(back);
 * }
 * }</pre>
 */
public class ChannelClosedException extends IllegalStateException {
    private final transient Object undelivered;

    public ChannelClosedException(String message) {
        this(message, null);
    }

    public ChannelClosedException(String message, Object undelivered) {
        super(message);
        this.undelivered = undelivered;
    }

    /** The message that was refused, or {@code null} if the failure did not concern one (a receive). */
    public Object undelivered() {
        return undelivered;
    }
}
