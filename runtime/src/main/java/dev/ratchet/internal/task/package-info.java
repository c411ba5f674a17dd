/**
 * Tasks: the per-task state word ({@link dev.ratchet.internal.task.TaskState}), the poll harness
 * ({@link dev.ratchet.internal.task.Task}, which is also the task's context, waker and join
 * handle: one object per spawned task), the join handle of blocking jobs ({@link
 * dev.ratchet.internal.task.TaskJoinHandle} with its atomic waker cell) and the registry
 * of live tasks that {@code close()} cancels.
 *
 * <p>Uses only the public API ({@code dev.ratchet}); the schedulers plug in through {@link
 * dev.ratchet.internal.task.Scheduler}.
 */
package dev.ratchet.internal.task;
