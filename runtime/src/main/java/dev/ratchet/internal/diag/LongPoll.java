package dev.ratchet.internal.diag;

import java.util.concurrent.TimeUnit;

/**
 * One poll that blocked a worker for longer than the threshold, as the {@link Watchdog} saw it.
 *
 * @param taskId the task's id (0 for a blockOn root)
 * @param taskName its name, or null
 * @param worker the name of the thread it blocked
 * @param location where the poll is in the user's code ({@link PollSite#of})
 */
public record LongPoll(int taskId, String taskName, String worker, String location) {
    /** The subject of the poll, named as in reports. */
    public String task() {
        return describe(taskId, taskName);
    }

    /** {@code Task#12 "indexer"}, or {@code Task#12} without a name: how reports name a task. */
    public static String describe(int id, String name) {
        return "Task#" + id + (name == null ? "" : " \"" + name + "\"");
    }

    /** The warning at detection: {@code task Task#12 "indexer" is blocking worker w-0: polling for 60 ms, resumed at ...}. */
    public String startedMessage(long pollingNanos) {
        return "task " + task() + " is blocking worker " + worker + ": polling for " + millis(pollingNanos)
                + " ms, resumed at " + location;
    }

    /** The warning at the end: {@code task Task#12 "indexer" blocked worker w-0 for 230 ms in ...}. */
    public String endedMessage(long blockedNanos, long resolutionNanos) {
        return "task " + task() + " blocked worker " + worker + " for " + millis(blockedNanos) + " ms in " + location
                + " (measured by sampling, +/- " + millis(resolutionNanos) + " ms)";
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
