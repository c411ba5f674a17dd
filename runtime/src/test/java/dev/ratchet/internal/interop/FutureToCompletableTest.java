package dev.ratchet.internal.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Futures;
import dev.ratchet.Poll;
import dev.ratchet.runtime.Executor;
import dev.ratchet.testsupport.TestFutures;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FutureToCompletableTest {
    @Test
    void completesWithTheTasksValue() throws Exception {
        try (Executor ex = Executor.builder().workers(2).buildMultiThreaded()) {
            CompletableFuture<String> cf = ex.blockOn(cx -> Poll.ready(Futures.toCompletableFuture(new TestFutures.Yield<>(3, "v"))));
            assertEquals("v", cf.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void failsWithTheSameExceptionObject() throws Exception {
        IOException boom = new IOException("boom");
        try (Executor ex = Executor.builder().workers(2).buildMultiThreaded()) {
            CompletableFuture<Object> cf = ex.blockOn(cx -> Poll.ready(Futures.toCompletableFuture(TestFutures.failing(boom))));
            ExecutionException e = assertThrows(ExecutionException.class, () -> cf.get(10, TimeUnit.SECONDS));
            assertSame(boom, e.getCause());
        }
    }

    @Test
    void cancellingTheCompletableFutureAbortsTheTask() throws Exception {
        try (Executor ex = Executor.builder().workers(2).buildMultiThreaded()) {
            ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch cleaned = new CountDownLatch(1);
            CompletableFuture<Void> cf = ex.blockOn(cx -> Poll.ready(FutureToCompletable.spawn(
                    new TestFutures.CleanupProbe("p", log, started) {
                        @Override
                        public Poll<Void> poll(dev.ratchet.Context c) {
                            try {
                                return super.poll(c);
                            } finally {
                                if (!log.isEmpty()) cleaned.countDown();
                            }
                        }
                    })));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertTrue(cf.cancel(true));
            assertTrue(cleaned.await(10, TimeUnit.SECONDS), "the task's cleanup did not run");
            assertEquals(List.of("cleanup p"), List.copyOf(log));
            assertTrue(cf.isCancelled());
        }
    }

    @Test
    void closingTheExecutorCompletesThePendingCompletableFuture() throws Exception {
        Executor ex = Executor.currentThread();
        CompletableFuture<Object> cf = ex.blockOn(cx -> Poll.ready(Futures.toCompletableFuture(Futures.pending())));
        ex.close();
        assertTrue(cf.isDone());
        assertThrows(java.util.concurrent.CancellationException.class, cf::join);
    }

    @Test
    void outsideAnExecutorItThrows() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Futures.toCompletableFuture(Futures.ready(1)));
        assertTrue(e.getMessage().contains("Futures.toCompletableFuture"), e.getMessage());
    }
}
