/**
 * Ratchet's API: {@link dev.ratchet.Future}, {@link dev.ratchet.Poll}, {@link
 * dev.ratchet.Context}, {@link dev.ratchet.Waker}, the {@link dev.ratchet.Async} annotation and
 * the {@link dev.ratchet.Futures} helpers. Only {@code Futures} calls into the internals.
 *
 * <pre>{@code
 * import static dev.ratchet.Futures.await;
 *
 * final class Greeter {
 *     @Async
 *     String greet(String name) {
 *         await(Futures.sleep(Duration.ofMillis(10)));
 *         return "hello " + name;
 *     }
 * }
 * String s = Executor.currentThread().blockOn(GreeterAsync.greet(new Greeter(), "you"));
 * }</pre>
 */
package dev.ratchet;
