/**
 * The executors: the parts both share ({@link dev.ratchet.internal.scheduler.BaseExecutor},
 * the shared {@link dev.ratchet.internal.scheduler.InjectQueue}, the {@code blockOn} root waker,
 * the task dumps: {@link dev.ratchet.internal.scheduler.TaskDumps} and the {@code blockOn} roots
 * they list, {@link dev.ratchet.internal.scheduler.BlockOnRoot}) and one sub-package per kind:
 * {@code currentthread} and {@code multithread} (local queues, workers, idle coordination). Uses
 * {@code internal.task}, {@code internal.blocking}, {@code internal.time} (each executor owns
 * one {@code TimerDriver}) and {@code internal.diag} (clock, worker stats, watchdog, JFR events).
 */
package dev.ratchet.internal.scheduler;
