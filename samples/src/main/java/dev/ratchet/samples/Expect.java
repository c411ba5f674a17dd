package dev.ratchet.samples;

/**
 * How a sample checks its own result, so that the tour fails loudly when something is broken.
 *
 * <pre>{@code
 * Expect.that(replies.equals(sent), "every echo reply equals its message");
 * }</pre>
 */
public final class Expect {
    private Expect() {}

    /**
     * Throws {@link IllegalStateException} naming {@code what} unless {@code condition} holds.
     *
     * @param what the property that should hold, phrased positively
     */
    public static void that(boolean condition, String what) {
        if (!condition) throw new IllegalStateException("sample check failed: expected " + what);
    }
}
