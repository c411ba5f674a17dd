package dev.ratchet.miniredis;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The I/O-free handler as a blocking server drives it (the public constructor, no pub/sub receive side). */
class RequestHandlerTest {
    private final RequestHandler.Shared shared = new RequestHandler.Shared(6379);
    private final ByteArrayOutputStream replies = new ByteArrayOutputStream();
    private final RequestHandler handler = new RequestHandler(shared, replies::write);

    /** Feeds {@code input} in pieces of {@code piece} bytes, keeping unconsumed bytes as a server does. */
    private String feed(String input, int piece) {
        byte[] all = input.getBytes(ISO_8859_1);
        ByteBuffer pending = ByteBuffer.allocate(all.length);
        for (int off = 0; off < all.length; off += piece) {
            pending.put(all, off, Math.min(piece, all.length - off)).flip();
            handler.handle(pending);
            pending.compact();
        }
        assertEquals(0, pending.position(), "everything consumed");
        String out = replies.toString(ISO_8859_1);
        replies.reset();
        return out;
    }

    @Test
    void pipelinedRequestsSplitAnywhereGiveTheSameReplies() {
        String requests = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\nv1\r\n*2\r\n$3\r\ngEt\r\n$1\r\nk\r\n"
                + "*2\r\n$4\r\nINCR\r\n$1\r\nn\r\nPING\r\n*2\r\n$3\r\nGET\r\n$7\r\nmissing\r\n";
        String expected = "+OK\r\n$2\r\nv1\r\n:1\r\n+PONG\r\n$-1\r\n";
        for (int piece = 1; piece <= requests.length(); piece++) {
            RequestHandler h = new RequestHandler(new RequestHandler.Shared(0), replies::write);
            byte[] all = requests.getBytes(ISO_8859_1);
            ByteBuffer pending = ByteBuffer.allocate(all.length);
            for (int off = 0; off < all.length; off += piece) {
                pending.put(all, off, Math.min(piece, all.length - off)).flip();
                h.handle(pending);
                pending.compact();
            }
            assertEquals(expected, replies.toString(ISO_8859_1), "pieces of " + piece);
            replies.reset();
        }
    }

    @Test
    void handlersOfOneSharedStateSeeOneKeyspace() {
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        RequestHandler second = new RequestHandler(shared, other::write);
        feed("*3\r\n$3\r\nset\r\n$1\r\nk\r\n$1\r\nv\r\n", 64);
        second.handle(ByteBuffer.wrap("*2\r\n$3\r\nget\r\n$1\r\nk\r\n".getBytes(ISO_8859_1)));
        assertEquals("$1\r\nv\r\n", other.toString(ISO_8859_1));
    }

    @Test
    void getAndSetWithOtherAritiesKeepRedisErrors() {
        assertEquals("-ERR wrong number of arguments for 'get' command\r\n", feed("*1\r\n$3\r\nGET\r\n", 64));
        assertEquals("+OK\r\n$1\r\nv\r\n", feed("*5\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n$2\r\nPX\r\n$5\r\n10000\r\n"
                + "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n", 64));
        assertEquals("-ERR unknown command 'gex', with args beginning with: 'k' \r\n", feed("*2\r\n$3\r\ngex\r\n$1\r\nk\r\n", 64));
    }

    @Test
    void subscribeIsRefusedWithoutAReceiveSide() {
        assertEquals("-ERR SUBSCRIBE is not supported by this server\r\n", feed("SUBSCRIBE ch\r\n", 64));
        assertEquals(":0\r\n", feed("PUBLISH ch hello\r\n", 64));
        assertFalse(handler.isClosing());
    }

    @Test
    void quitAndProtocolErrorsCloseAndStopExecuting() {
        assertEquals("+OK\r\n", feed("QUIT\r\nPING\r\n".substring(0, 6), 64));
        assertTrue(handler.isClosing());
        ByteBuffer after = ByteBuffer.wrap("PING\r\n".getBytes(ISO_8859_1));
        handler.handle(after);
        assertEquals(0, after.position(), "nothing executed once closing");

        RequestHandler bad = new RequestHandler(shared, replies::write);
        bad.handle(ByteBuffer.wrap("*1\r\n+x\r\n".getBytes(ISO_8859_1)));
        assertEquals("-ERR Protocol error: expected '$', got '+'\r\n", replies.toString(ISO_8859_1));
        assertTrue(bad.isClosing());
    }
}
