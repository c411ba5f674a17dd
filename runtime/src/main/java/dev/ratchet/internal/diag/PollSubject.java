package dev.ratchet.internal.diag;

import dev.ratchet.Future;

/**
 * Something an executor polls, as diagnostics see it: a spawned task, or the root future of a
 * {@code blockOn} (id 0, name "blockOn").
 */
public interface PollSubject {
    /** The task's id (0 for a blockOn root). */
    int id();

    /** The task's name, or null. */
    String name();

    /** The future being run, or null once it has completed. Racy: for diagnostics only. */
    Future<?> futureIfLive();
}
