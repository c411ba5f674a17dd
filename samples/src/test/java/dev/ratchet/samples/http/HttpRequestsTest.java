package dev.ratchet.samples.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.runtime.Executor;
import dev.ratchet.samples.Narrator;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpRequestsTest {
    @Test
    void asyncRequestsOnOneThreadOverlapWhileBlockingOnesQueueUp() throws IOException {
        HttpRequests.Result r = HttpRequests.run();
        long delay = HttpRequests.SERVER_DELAY.toMillis();
        assertEquals(r.blockingBodies(), r.asyncBodies());
        assertEquals(SlowHttpServer.bodyFor("/item/3"), r.asyncBodies().get(2));
        assertTrue(r.blockingMillis() >= HttpRequests.REQUESTS * delay, r::toString);
        // Five overlapped waits: at least three delays faster than five sequential ones.
        assertTrue(r.asyncMillis() + 3 * delay <= r.blockingMillis(), r::toString);
    }

    @Test
    void asyncGetReturnsTheBodyOfOneResponse() throws IOException {
        try (SlowHttpServer server = SlowHttpServer.start(Duration.ofMillis(1));
                Executor executor = Executor.currentThread()) {
            String body = executor.blockOn(HttpRequestsAsync.get(new Narrator(false), server.address(), "/a/b"));
            assertEquals("hello from /a/b\n", body);
            assertEquals(List.of("hello from /c\n"),
                    executor.blockOn(HttpRequestsAsync.getAll(new Narrator(false), server.address(), List.of("/c"))));
        }
    }

    @Test
    void aResponseThatIsNotOkOrIncompleteFailsWithItsStatusLine() {
        IOException notFound = assertThrows(IOException.class,
                () -> HttpRequests.bodyOf("/x", "HTTP/1.1 404 Not Found\r\n\r\nnope".getBytes(US_ASCII)));
        assertTrue(notFound.getMessage().contains("404 Not Found"), notFound::getMessage);
        assertThrows(IOException.class, () -> HttpRequests.bodyOf("/x", "HTTP/1.1 200 OK\r\n".getBytes(US_ASCII)));
        assertEquals("ok", assertDoesNotThrowBody("HTTP/1.0 200 OK\r\nA: b\r\n\r\nok"));
    }

    private static String assertDoesNotThrowBody(String response) {
        try {
            return HttpRequests.bodyOf("/x", response.getBytes(US_ASCII));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
