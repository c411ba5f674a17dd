package dev.ratchet.internal.combinator;

/**
 * Rethrows any {@link Throwable} unchanged, checked or not: futures fail by throwing from {@code
 * poll}, which declares no checked exceptions, and a combinator must pass a child's failure on as
 * the same object (so an awaiting {@code catch} sees exactly what the child threw).
 *
 * <pre>{@code
 * catch (Throwable t) { throw Rethrow.unchecked(t); }
 * }</pre>
 */
public final class Rethrow {
    private Rethrow() {}

    /**
     * Throws {@code t} as it is. Declared to return an exception so call sites can write {@code
     * throw Rethrow.unchecked(t)} and the compiler knows the statement does not complete.
     */
    public static RuntimeException unchecked(Throwable t) {
        throw Rethrow.<RuntimeException>as(t);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E as(Throwable t) throws E {
        throw (E) t;
    }
}
