package dev.ratchet.net;

/** Rethrows checked exceptions from {@code poll}, which cannot declare them (SPEC: "rethrown sneakily"). */
final class Throwing {
    private Throwing() {}

    /** Throws {@code t} unchanged; declared to return so callers can write {@code throw sneaky(e)}. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
