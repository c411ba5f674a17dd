package dev.ratchet.internal.diag;

import dev.ratchet.Future;
import dev.ratchet.debug.Traceable;
import dev.ratchet.internal.machine.AsyncStateMachine;
import java.util.List;

/**
 * Where a poll of a future is in the user's code: the deepest source position along its chain
 * of awaits. For a state machine that is the await of its current state — where it resumed, or
 * where it is suspended — so a poll that blocks between two awaits is reported at the last
 * await it passed. Long-poll reports and {@code TaskPoll} JFR events call it "resumed at".
 */
public final class PollSite {
    /** Levels followed at most (a cycle or a runaway chain stops there). */
    static final int MAX_DEPTH = 128;

    private PollSite() {}

    /**
     * The deepest known position below {@code root} (its {@code toString()}), or the root's
     * {@code toString()} if no future along the chain knows one; "unknown" for null. Reads the
     * chain racily (see {@link Traceable}) and never throws.
     */
    public static String of(Future<?> root) {
        if (root == null) return "unknown";
        StackTraceElement deepest = null;
        try {
            Object f = root;
            for (int depth = 0; f != null && depth < MAX_DEPTH; depth++) {
                StackTraceElement here = null;
                List<? extends Future<?>> next = List.of();
                if (f instanceof AsyncStateMachine<?> m) {
                    here = m.currentFrame();
                    next = m.awaiting();
                } else if (f instanceof Traceable t) {
                    here = t.suspendedAt();
                    next = t.awaiting();
                }
                if (here != null) deepest = here;
                f = next.isEmpty() ? null : next.get(0);
            }
            return deepest != null ? deepest.toString() : String.valueOf(root);
        } catch (RuntimeException e) {
            return deepest != null ? deepest.toString() : root.getClass().getName() + " (not traceable: " + e + ")";
        }
    }
}
