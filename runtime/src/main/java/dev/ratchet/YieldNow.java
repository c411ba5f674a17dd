package dev.ratchet;

/** {@link Futures#yieldNow()}: wakes its task and returns pending once, then is ready. */
final class YieldNow implements Future<Void> {
    private boolean yielded;

    @Override
    public Poll<Void> poll(Context cx) {
        if (yielded) return Poll.ready(null);
        yielded = true;
        cx.waker().wake();
        return Poll.pending();
    }

    /** For task dumps: {@code yieldNow() (yielded, ready at its next poll)}; {@code yielded} read racily. */
    @Override
    public String toString() {
        return yielded ? "yieldNow() (yielded, ready at its next poll)" : "yieldNow() (not polled yet)";
    }
}
