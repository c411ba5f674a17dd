package dev.ratchet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.debug.TaskDump;
import dev.ratchet.debug.Traceable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a task dump prints for the small futures of the core API and for CompletionStage interop. */
class FutureDescriptionsTest {
    private final Context cx = Context.of(Waker.noop());

    @Test
    void yieldNowSaysWhetherItHasYielded() {
        Future<Void> y = Futures.yieldNow();
        assertEquals("yieldNow() (not polled yet)", y.toString());
        assertTrue(y.poll(cx).isPending());
        assertEquals("yieldNow() (yielded, ready at its next poll)", y.toString());
    }

    @Test
    void readyAndPendingSayWhatTheyAre() {
        assertEquals("ready(42)", Futures.ready(42).toString());
        assertEquals("pending()", Futures.pending().toString());
    }

    @Test
    void aTaskLocalScopeIsTraceableOverItsFuture() {
        TaskLocal<String> requestId = TaskLocal.create("requestId");
        Future<String> inner = Futures.pending();
        Future<String> scoped = requestId.scope("req-42", inner);

        assertNull(((Traceable) scoped).suspendedAt());
        assertEquals(List.of(inner), ((Traceable) scoped).awaiting());
        TaskDump.Frame frame = TaskDump.trace(scoped);
        assertEquals("requestId.scope(req-42)", frame.description());
        assertEquals("pending()", frame.awaiting().get(0).description());
    }

    @Test
    void aCompletionStageAwaitSaysWhetherTheStageCompleted() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        Future<String> f = Futures.fromCompletionStage(stage);
        assertEquals("fromCompletionStage(CompletableFuture, incomplete)", f.toString());
        assertTrue(f.poll(cx).isPending());
        stage.complete("v");
        assertEquals("fromCompletionStage(CompletableFuture, completed, not yet polled)", f.toString());

        Future<String> cancelled = Futures.fromCompletionStage(new CompletableFuture<>());
        cancelled.cancel();
        assertEquals("fromCompletionStage(CompletableFuture, cancelled)", cancelled.toString());

        CompletableFuture<String> anonymous = new CompletableFuture<>() { };
        assertEquals("fromCompletionStage(" + anonymous.getClass().getName() + ", incomplete)",
                Futures.fromCompletionStage(anonymous).toString(), "an anonymous class has no simple name");
    }
}
