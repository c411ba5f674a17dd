package dev.ratchet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body is compiled by {@code ratchet-processor} into a poll-driven state
 * machine.
 *
 * <p>The method is declared like its synchronous twin: it returns the output type (or {@code
 * void}) and declares the checked exceptions it may throw. Inside the body, {@link
 * Futures#await(Future)} suspends until a future completes, and a direct call of another
 * {@code @Async} method is an implicit await. The body itself is never executed directly: the
 * processor generates a companion class {@code <Class>Async} whose static entry of the same name
 * returns a lazy {@link Future}.
 *
 * <pre>{@code
 * final class Checkout {
 *     @Async
 *     boolean buy(String item, int cost) {
 *         if (!await(bank.decrement(cost))) return false;
 *         return reserve(item) != null;          // implicit await of another @Async method
 *     }
 * }
 * Future<Boolean> f = CheckoutAsync.buy(checkout, "book", 12);   // runs nothing yet
 * boolean ok = Executor.currentThread().blockOn(f);
 * }</pre>
 *
 * <p>Retention is {@code CLASS}, so the processor also recognises {@code @Async} methods of
 * classes it only sees as class files.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {}
