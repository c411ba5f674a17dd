/**
 * The work-stealing executor behind {@code Executor.multiThreaded()}. Uses {@code
 * internal.scheduler} (shared parts) and {@code internal.task}.
 *
 * <h2>Implementation overview</h2>
 * <ul>
 *   <li>{@link dev.ratchet.internal.scheduler.multithread.Worker}: one thread each, with a
 *       bounded {@link dev.ratchet.internal.scheduler.multithread.LocalQueue} (owner pushes and
 *       pops, thieves steal half — Tokio's queue) and a LIFO slot for the task woken by the task
 *       it is running (not stolen; the watchdog hands it on if that worker's poll blocks).
 *   <li>The shared {@link dev.ratchet.internal.scheduler.InjectQueue}: spawns and wakes from
 *       threads that are not workers of this executor, and the overflow of full local queues.
 *       Workers look at it first every 61 ticks so that outside work is not starved.
 *   <li>{@link dev.ratchet.internal.scheduler.multithread.Idle}: the count of searching and
 *       unparked workers and the stack of parked ones. New work wakes at most one parked worker,
 *       and none while another is already searching; at most half of the workers search.
 * </ul>
 *
 * <h2>Where a task goes when it is woken</h2>
 * <ul>
 *   <li>woken by its own poll (a yield, a spent budget): the back of the local queue of the
 *       worker that polled it;
 *   <li>woken (or spawned) on a worker thread of this executor: that worker's LIFO slot, at most
 *       3 LIFO polls in a row;
 *   <li>woken anywhere else: the inject queue.
 * </ul>
 * A placement in the inject queue, or in a local queue that was empty, is followed by {@code
 * notifyParked()}; a push onto a non-empty local queue is not, and neither is a task entering an
 * empty LIFO slot, which its own worker runs right after the current poll (the watchdog hands it
 * on if that poll blocks).
 *
 * <h2>No lost wake-up, no idle spinning</h2>
 * A producer publishes the task, issues a full fence and reads {@code Idle}'s state; a worker
 * that runs out of work updates that state with an atomic RMW and, if it was the last searcher,
 * re-reads every queue before parking. Either the producer sees a parked worker and no searcher
 * (it unparks one), or the last searcher sees the task. A parked worker stays in {@code
 * LockSupport.park} until picked, so an idle executor uses no CPU.
 *
 * <p>Why a push onto a non-empty local queue may skip all of this (in W1 it saved a fence per
 * spawn and per yield): the queue became non-empty with a push that did announce itself, and has
 * held work ever since — only the owner (the pusher itself, which is busy) and thieves (workers
 * that are running, and search again before they park) take from it, and if they had emptied it
 * this push would have found it empty. A worker that parks after that announcing push either was
 * unparked by it, or, as last searcher, re-reads the queues and finds this one non-empty. Enough
 * workers wake for a long queue through the searcher chain: a searcher that finds work wakes
 * another worker to keep searching.
 *
 * <h2>Shutdown</h2>
 * {@code close()} sets the closing flag and unparks every worker; each finishes the poll it is
 * in and exits; the closing thread joins them, then owns every task (see {@code BaseExecutor}).
 */
package dev.ratchet.internal.scheduler.multithread;
