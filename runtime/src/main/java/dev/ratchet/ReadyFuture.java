package dev.ratchet;

/** {@link Futures#ready(Object)}: ready at the first poll. */
final class ReadyFuture<T> implements Future<T> {
    private final T value;

    ReadyFuture(T value) {
        this.value = value;
    }

    @Override
    public Poll<T> poll(Context cx) {
        return Poll.ready(value);
    }

    @Override
    public String toString() {
        return "ready(" + value + ")";
    }
}
