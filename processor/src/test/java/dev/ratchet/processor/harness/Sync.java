package dev.ratchet.processor.harness;

import dev.ratchet.Future;
import java.util.concurrent.CompletionStage;

/**
 * The synchronous meaning of {@code await}: the twin of a test program imports these instead of
 * {@code Futures.await}, so running it gives the result the state machine must reproduce.
 */
public final class Sync {
    private Sync() {}

    public static <T> T await(Future<T> f) {
        return new Driver().run(f);
    }

    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw Io.Sneaky.<RuntimeException>sneaky(e.getCause());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
