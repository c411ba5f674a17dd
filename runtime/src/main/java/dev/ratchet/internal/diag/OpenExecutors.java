package dev.ratchet.internal.diag;

import dev.ratchet.runtime.Executor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The executors of this JVM that are open, for {@code Diagnostics.dumpAll()}: each executor
 * registers when built and unregisters when its {@code close()} ends. Weakly referenced, so an
 * executor that is dropped without being closed does not stay reachable through here (one with
 * live worker threads is reachable anyway). Executors use identity equality, as the map needs.
 */
public final class OpenExecutors {
    /** Executor to its registration number (the dump order); guarded by the class monitor. */
    private static final Map<Executor, Long> OPEN = new WeakHashMap<>();
    private static long registrations;

    private OpenExecutors() {}

    public static synchronized void register(Executor executor) {
        OPEN.put(executor, ++registrations);
    }

    public static synchronized void unregister(Executor executor) {
        OPEN.remove(executor);
    }

    /** The open executors, oldest first. */
    public static List<Executor> snapshot() {
        List<Map.Entry<Executor, Long>> entries;
        synchronized (OpenExecutors.class) {
            entries = new ArrayList<>(OPEN.size());
            for (Map.Entry<Executor, Long> e : OPEN.entrySet()) entries.add(Map.entry(e.getKey(), e.getValue()));
        }
        entries.sort(Map.Entry.comparingByValue());
        List<Executor> out = new ArrayList<>(entries.size());
        for (Map.Entry<Executor, Long> e : entries) out.add(e.getKey());
        return out;
    }
}
