package dev.ratchet.internal;

/**
 * The executor running the current thread: set by worker threads for their lifetime and by
 * {@code blockOn} for its duration.
 */
public final class CurrentRuntime {
    private static final ThreadLocal<RuntimeHandle> CURRENT = new ThreadLocal<>();

    private CurrentRuntime() {}

    /** The current runtime, or {@code null} outside any executor. */
    public static RuntimeHandle get() {
        return CURRENT.get();
    }

    /**
     * The current runtime.
     *
     * @param what the operation that needs it, for the error message
     * @throws IllegalStateException outside any executor
     */
    public static RuntimeHandle require(String what) {
        RuntimeHandle rt = CURRENT.get();
        if (rt == null) {
            throw new IllegalStateException(what + " must be called from a task running on a Ratchet executor "
                    + "(inside Executor.blockOn(...) or a spawned task); from plain threads use "
                    + "executor.spawn(future) on an Executor you hold");
        }
        return rt;
    }

    /** Makes {@code rt} current on this thread; returns the previous one, to restore with {@link #exit}. */
    public static RuntimeHandle enter(RuntimeHandle rt) {
        RuntimeHandle previous = CURRENT.get();
        CURRENT.set(rt);
        return previous;
    }

    /** Restores the runtime that {@link #enter} returned. */
    public static void exit(RuntimeHandle previous) {
        if (previous == null) CURRENT.remove();
        else CURRENT.set(previous);
    }
}
