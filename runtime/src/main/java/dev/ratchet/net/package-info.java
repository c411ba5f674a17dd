/**
 * TCP as futures: {@link dev.ratchet.net.TcpListener} and {@link dev.ratchet.net.TcpStream} on
 * the NIO selector reactor of the executor that polls them, plus {@link
 * dev.ratchet.net.BufReader}/{@link dev.ratchet.net.BufWriter} for line- and frame-oriented
 * protocols over any {@link dev.ratchet.net.AsyncRead}/{@link dev.ratchet.net.AsyncWrite}.
 *
 * <pre>{@code
 * @Async
 * void echo(TcpStream client) throws IOException {
 *     try (client) {
 *         ByteBuffer buf = ByteBuffer.allocate(8192);
 *         while (await(client.read(buf.clear())) > 0) {
 *             await(client.writeAll(buf.flip()));
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Every operation is a lazy future that tries its syscall first and waits on the reactor only
 * if it would block; each ready poll spends one unit of the task's budget; cancelling a pending
 * operation withdraws its interest at once.
 *
 * <p>In a task dump a pending operation names itself and its address ({@code TcpStream.read() on
 * /127.0.0.1:5000}, {@code TcpListener.accept() on /0.0.0.0:8080}); a {@code BufReader} or {@code
 * BufWriter} operation is {@link dev.ratchet.debug.Traceable}, with the source read or sink write
 * it waits for under it.
 *
 * <p>Uses the API ({@code Future}, {@code Poll}, {@code Context}, {@code Waker}) and {@code
 * internal.io} (the reactor), and {@code dev.ratchet.debug} for task dumps; never the scheduler.
 */
package dev.ratchet.net;
