package dev.ratchet.internal.interop;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.util.concurrent.CompletionStage;

/** PLACEHOLDER (foundation skeleton). */
public final class CompletionStageFuture<T> implements Future<T> {
    public CompletionStageFuture(CompletionStage<T> stage) {}

    @Override
    public Poll<T> poll(Context cx) {
        throw new UnsupportedOperationException();
    }
}
