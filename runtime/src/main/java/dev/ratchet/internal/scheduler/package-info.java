/**
 * The executors: the parts both share ({@link dev.ratchet.internal.scheduler.BaseExecutor},
 * the shared {@link dev.ratchet.internal.scheduler.InjectQueue}, the {@code blockOn} root waker)
 * and one sub-package per kind: {@code currentthread} and {@code multithread} (local queues,
 * workers, idle coordination). Uses {@code internal.task}, {@code internal.blocking} and {@code
 * internal.time} (each executor owns one {@code TimerDriver}).
 */
package dev.ratchet.internal.scheduler;
