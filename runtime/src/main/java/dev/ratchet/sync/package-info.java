/**
 * Async synchronization primitives whose waiting never blocks a thread: {@link
 * dev.ratchet.sync.Channel} (mpsc, bounded or unbounded), {@link dev.ratchet.sync.Oneshot}, {@link
 * dev.ratchet.sync.Mutex}, {@link dev.ratchet.sync.Semaphore}, {@link dev.ratchet.sync.Notify} and
 * {@link dev.ratchet.sync.Broadcast} (pub/sub over a bounded ring; lagging receivers get a
 * {@link dev.ratchet.sync.LaggedException}).
 *
 * <p>Common rules: waiters are served FIFO; wakers are called outside the primitives' internal
 * locks; a waiter re-polled with a new waker is woken through the new one; cancelling a waiting
 * future removes it from its queue, gives back whatever had been handed to it (a permit, the lock,
 * a notification) and makes its next poll throw {@link java.util.concurrent.CancellationException};
 * a ready result spends one unit of the task's cooperative budget (checked first: a task out of
 * budget yields without taking anything).
 *
 * <p>In a task dump (see {@link dev.ratchet.debug.TaskDump}) a waiting future says what it waits
 * for and the primitive's state: {@code Channel.recv() on bounded(1) channel: 0 queued, 1 sender
 * open}, {@code Mutex.lock() (held, 2 waiting)}, {@code Semaphore.acquire(3) (1 of 4 permits
 * free, 2 waiting)}. Those {@code toString()}s read the primitives without their locks (a dump
 * must never wait on what it inspects), so their figures are a racy snapshot.
 *
 * <p>Built on {@code dev.ratchet.internal.waker} (wait queue, budget) and the package-private
 * {@code BatchSemaphore} (the fair permit pool behind Semaphore, Mutex and bounded channels);
 * never on the scheduler.
 */
package dev.ratchet.sync;
