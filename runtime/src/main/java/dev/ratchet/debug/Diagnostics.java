package dev.ratchet.debug;

import dev.ratchet.internal.diag.OpenExecutors;
import dev.ratchet.runtime.Executor;
import java.util.ArrayList;
import java.util.List;

/**
 * Task dumps of every open executor of the JVM, for a debug endpoint or a periodic log: no
 * signal, no {@code jcmd}, no reference to the executors needed. An executor is listed from the
 * moment it is built until its {@code close()} returns; the registry holds executors weakly.
 *
 * <pre>{@code
 * // e.g. in an HTTP handler of an admin port
 * respond(200, "text/plain", Diagnostics.dumpAll());
 * }</pre>
 *
 * <p>Threading: safe from any thread, including a task; it stops no executor, so each dump is
 * best-effort (see {@link TaskDump}).
 */
public final class Diagnostics {
    private Diagnostics() {}

    /** A dump of each open executor, oldest executor first. */
    public static List<TaskDump> dumps() {
        List<TaskDump> dumps = new ArrayList<>();
        for (Executor e : OpenExecutors.snapshot()) dumps.add(e.dump());
        return dumps;
    }

    /** The text of {@link #dumps()}, one dump after the other ("No open executor." if none). */
    public static String dumpAll() {
        List<TaskDump> dumps = dumps();
        if (dumps.isEmpty()) return "No open executor.\n";
        StringBuilder out = new StringBuilder();
        for (TaskDump d : dumps) {
            if (out.length() > 0) out.append('\n');
            out.append(d);
        }
        return out.toString();
    }
}
