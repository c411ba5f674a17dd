/**
 * File I/O as futures: {@link dev.ratchet.fs.AsyncFiles} runs {@link java.nio.file.Files}
 * operations on the executor's blocking pool.
 *
 * <pre>{@code
 * String config = await(AsyncFiles.readString(Path.of("app.conf")));
 * }</pre>
 *
 * <p>Uses only the API ({@code Future}, {@code Futures.spawnBlocking}, {@code JoinHandle}).
 */
package dev.ratchet.fs;
