/**
 * Tasks: the per-task state word ({@link dev.ratchet.internal.task.TaskState}), the poll harness
 * ({@link dev.ratchet.internal.task.Task}, which is also the task's waker), the join side
 * ({@link dev.ratchet.internal.task.TaskJoinHandle} with its atomic waker cell) and the registry
 * of live tasks that {@code close()} cancels.
 *
 * <p>Uses only the public API ({@code dev.ratchet}); the schedulers plug in through {@link
 * dev.ratchet.internal.task.Scheduler}.
 */
package dev.ratchet.internal.task;
