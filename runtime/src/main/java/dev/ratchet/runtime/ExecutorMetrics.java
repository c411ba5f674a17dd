package dev.ratchet.runtime;

import java.util.List;

/**
 * An executor's counters and queue depths, read by {@link Executor#metrics()}. Counters count
 * from the executor's start. Each worker keeps its own counters (written by that worker alone,
 * without fences); a read sums them, so the figures are recent but not one consistent cut.
 *
 * <pre>{@code
 * ExecutorMetrics m = executor.metrics();
 * double pollsPerTask = (double) m.polls() / m.tasksSpawned();
 * if (m.longPolls() > 0) log.warn(m.longPolls() + " polls blocked a worker");
 * }</pre>
 *
 * @param workers threads that poll tasks: the workers of a multiThreaded executor, 1 for a
 *     currentThread executor (its {@code blockOn} thread)
 * @param liveTasks tasks spawned and not yet complete
 * @param tasksSpawned tasks ever spawned
 * @param polls polls run by the workers (tasks; for a currentThread executor also its {@code
 *     blockOn} root). A task is polled at least once, and once more per wake or yield; a poll
 *     that spends its budget and goes on with a new one (no other task waited) counts once more
 * @param schedulesFromWorkers tasks queued by the workers themselves: spawns and wakes made by
 *     the tasks they poll, and tasks put back after yielding
 * @param schedulesFromOutside tasks queued from other threads (spawns and wakes from outside the
 *     executor, timers, I/O, blocking jobs), through the shared queue
 * @param steals tasks a worker took from another worker's queue (multiThreaded only)
 * @param parks times a worker parked for lack of work
 * @param localQueueDepths tasks waiting in each worker's own queue now (a multiThreaded worker's
 *     count includes the task in its next-to-run slot), in worker order
 * @param injectQueueDepth tasks waiting in the shared queue now
 * @param longPolls polls that ran longer than the long-poll threshold (0 when detection is off)
 * @param blockingThreads threads of the blocking pool alive now ({@code spawnBlocking})
 */
public record ExecutorMetrics(
        int workers,
        int liveTasks,
        long tasksSpawned,
        long polls,
        long schedulesFromWorkers,
        long schedulesFromOutside,
        long steals,
        long parks,
        List<Integer> localQueueDepths,
        int injectQueueDepth,
        long longPolls,
        int blockingThreads) {
    public ExecutorMetrics {
        localQueueDepths = List.copyOf(localQueueDepths);
    }
}
