package dev.ratchet;

/**
 * The winner of {@link Futures#select(Future, Future)}: which future completed first, and its
 * value.
 *
 * <pre>{@code
 * switch (await(select(recv, sleep(Duration.ofSeconds(1))))) {
 *     case Either.First<String, Void> f -> handle(f.value());
 *     case Either.Second<String, Void> s -> idle();
 * }
 * }</pre>
 */
public sealed interface Either<A, B> {
    /** The first future won. */
    record First<A, B>(A value) implements Either<A, B> {}

    /** The second future won. */
    record Second<A, B>(B value) implements Either<A, B> {}

    /** True if the first future won. */
    default boolean isFirst() {
        return this instanceof First;
    }
}
