/**
 * File I/O as futures: {@link dev.ratchet.fs.AsyncFiles} runs {@link java.nio.file.Files}
 * operations on the executor's blocking pool.
 *
 * <pre>{@code
 * String config = await(AsyncFiles.readString(Path.of("app.conf")));
 * }</pre>
 *
 * <p>In a task dump an operation shows as itself ({@code readString(app.conf)}) with the blocking
 * job it waits for under it. Uses only the API ({@code Future}, {@code Futures.spawnBlocking},
 * {@code JoinHandle}, {@code dev.ratchet.debug.Traceable}).
 */
package dev.ratchet.fs;
