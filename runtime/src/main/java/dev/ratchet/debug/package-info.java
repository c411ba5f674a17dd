/**
 * Seeing inside a running program: {@link dev.ratchet.debug.Traceable} (a future that can say
 * where it is suspended; every {@code @Async} state machine is one) and {@link
 * dev.ratchet.debug.AsyncBacktrace} (the chain of {@code @Async} frames a failure passed
 * through, attached to the failure). Executors build their task dumps ({@link
 * dev.ratchet.debug.TaskDump}) from these.
 *
 * <h2>What a dump shows of the runtime's own futures</h2>
 * A task's backtrace runs from its root future through every {@code Traceable} down to leaves.
 * Every future the runtime hands out takes part:
 * <ul>
 *   <li>futures that wait for others are {@code Traceable}, with no source line, awaiting what
 *       they still wait for: {@code join}/{@code joinAll}/{@code select} (the children still
 *       pending, or the cancelled ones whose cleanup they drive: {@code join of 3 (2 pending)}),
 *       {@code timeout} ({@code timeout(2.000 s), 1.204 s left} over its inner future), {@code
 *       BufReader}/{@code BufWriter} operations (over the socket read or write), {@code
 *       AsyncFiles} operations (over their blocking job) and {@code TaskLocal.scope};
 *   <li>leaves say what they wait for in their {@code toString()}: {@code Channel.recv() on
 *       bounded(1) channel: 0 queued, 1 sender open}, {@code Mutex.lock() (held, 2 waiting)},
 *       {@code Semaphore.acquire(3) (1 of 4 permits free, 2 waiting)}, {@code Notify.notified()
 *       (waiting, 1 waiter in all)}, {@code Oneshot.recv() (nothing sent yet, sender open)},
 *       {@code Broadcast.recv() on broadcast(64): 0 unread, 1 sender open, 2 receivers}, {@code
 *       sleep(50 ms), 12 ms left}, {@code interval(1.000 s).tick() #3, 300 ms left}, {@code
 *       TcpStream.read() on /127.0.0.1:5000}, {@code TcpListener.accept() on /0.0.0.0:8080},
 *       {@code TcpStream.connect() to /10.0.0.7:6379}, {@code JoinHandle[spawnBlocking job
 *       (running for 1.204 s)]}, {@code fromCompletionStage(CompletableFuture, incomplete)},
 *       {@code yieldNow() (yielded, ready at its next poll)}; a spawned task's join handle is
 *       the task itself ({@code Task#5(worker)[SUSPENDED]}).
 * </ul>
 * These methods run on the dump's thread while the task may be polled on another: they read
 * fields racily (each once), take no lock a dump could wait on, and never throw; a dump is a
 * best-effort snapshot. Hand-written futures should follow the same rules (see {@link
 * dev.ratchet.debug.Traceable}); {@link dev.ratchet.debug.TaskDump#format} prints durations in
 * the dumps' style.
 *
 * <pre>{@code
 * try {
 *     executor.blockOn(ShopAsync.checkout(shop, cart));
 * } catch (OutOfStockException e) {
 *     e.printStackTrace(); // "Suppressed: dev.ratchet.debug.AsyncBacktrace: ..." lists the @Async frames
 * }
 * }</pre>
 *
 * <p>Uses only {@code dev.ratchet.Future}; the runtime's internals depend on this package, not
 * the reverse.
 */
package dev.ratchet.debug;
