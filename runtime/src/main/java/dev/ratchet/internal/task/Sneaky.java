package dev.ratchet.internal.task;

/** Rethrows any throwable unchanged, checked ones included, without declaring it. */
public final class Sneaky {
    private Sneaky() {}

    /**
     * Throws {@code t} as it is. Declared to return an exception so call sites can write {@code
     * throw Sneaky.rethrow(t)} and keep javac's flow analysis honest.
     */
    public static RuntimeException rethrow(Throwable t) {
        throw Sneaky.<RuntimeException>uncheckedThrow(t);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E uncheckedThrow(Throwable t) throws E {
        throw (E) t;
    }
}
