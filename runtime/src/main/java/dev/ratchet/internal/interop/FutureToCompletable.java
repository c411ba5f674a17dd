package dev.ratchet.internal.interop;

import dev.ratchet.Future;
import java.util.concurrent.CompletableFuture;

/** PLACEHOLDER (foundation skeleton). */
public final class FutureToCompletable {
    private FutureToCompletable() {}

    public static <T> CompletableFuture<T> spawn(Future<T> future) {
        throw new UnsupportedOperationException();
    }
}
