package dev.ratchet.miniredis;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RespParserTest {
    /** Test limits: small enough to test the bounds cheaply. */
    private static final Limits LIMITS = new Limits(1000, 100, 16);

    /**
     * Feeds {@code fragments} one after the other the way a connection does: the unconsumed bytes
     * stay buffered, the next fragment is appended, the parser runs until it needs more.
     */
    private static List<List<String>> parseFragments(RespParser parser, List<byte[]> fragments) throws ProtocolException {
        List<List<String>> requests = new ArrayList<>();
        ByteArrayOutputStream buffered = new ByteArrayOutputStream();
        for (byte[] fragment : fragments) {
            buffered.writeBytes(fragment);
            ByteBuffer in = ByteBuffer.wrap(buffered.toByteArray()).asReadOnlyBuffer();
            List<byte[]> args;
            while ((args = parser.next(in)) != null) requests.add(strings(args));
            byte[] rest = new byte[in.remaining()];
            in.get(rest);
            buffered.reset();
            buffered.writeBytes(rest);
        }
        return requests;
    }

    private static List<List<String>> parse(String input) throws ProtocolException {
        return parseFragments(new RespParser(LIMITS), List.of(input.getBytes(ISO_8859_1)));
    }

    private static List<String> strings(List<byte[]> args) {
        List<String> s = new ArrayList<>();
        for (byte[] a : args) s.add(new String(a, ISO_8859_1));
        return s;
    }

    private static final String PIPELINE = "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$10\r\nval\r\nwith\n\r\n"
            + "*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n"
            + "PING\r\n"
            + "*1\r\n$0\r\n\r\n"
            + "\r\n" // a blank inline line is skipped
            + "*0\r\n" // an empty array is skipped
            + "ECHO \"a b\"\n";
    private static final List<List<String>> PIPELINE_REQUESTS = List.of(
            List.of("SET", "key", "val\r\nwith\n"), List.of("GET", "key"), List.of("PING"), List.of(""), List.of("ECHO", "a b"));

    @Test
    void parsesPipelinedRequestsInOrder() throws Exception {
        assertEquals(PIPELINE_REQUESTS, parse(PIPELINE));
    }

    @Test
    void everySplitIntoTwoFragmentsGivesTheSameRequests() throws Exception {
        byte[] all = PIPELINE.getBytes(ISO_8859_1);
        for (int split = 0; split <= all.length; split++) {
            byte[] a = java.util.Arrays.copyOfRange(all, 0, split), b = java.util.Arrays.copyOfRange(all, split, all.length);
            assertEquals(PIPELINE_REQUESTS, parseFragments(new RespParser(LIMITS), List.of(a, b)), "split at " + split);
        }
    }

    @Test
    void byteByByteGivesTheSameRequestsAndNothingBeforeTheLastByteOfEach() throws Exception {
        byte[] all = PIPELINE.getBytes(ISO_8859_1);
        List<byte[]> single = new ArrayList<>();
        for (byte b : all) single.add(new byte[] {b});
        assertEquals(PIPELINE_REQUESTS, parseFragments(new RespParser(LIMITS), single));
    }

    @Test
    void everySplitIntoThreeFragmentsOfOneRequest() throws Exception {
        byte[] all = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nhello\r\n".getBytes(ISO_8859_1);
        for (int i = 0; i <= all.length; i++) {
            for (int j = i; j <= all.length; j++) {
                List<byte[]> parts = List.of(java.util.Arrays.copyOfRange(all, 0, i),
                        java.util.Arrays.copyOfRange(all, i, j), java.util.Arrays.copyOfRange(all, j, all.length));
                assertEquals(List.of(List.of("SET", "k", "hello")), parseFragments(new RespParser(LIMITS), parts), i + "/" + j);
            }
        }
    }

    @Test
    void completedElementsAreConsumedSoTheBufferHoldsAtMostOneElement() throws Exception {
        RespParser parser = new RespParser(LIMITS);
        ByteBuffer in = ByteBuffer.wrap("*2\r\n$3\r\nGET\r\n$3\r\nke".getBytes(ISO_8859_1));
        assertNull(parser.next(in));
        assertTrue(parser.isMidRequest());
        assertEquals("*2\r\n$3\r\nGET\r\n$3\r\n".length(), in.position(), "header and GET consumed, bulk header too");
        ByteBuffer rest = ByteBuffer.wrap("key\r\n".getBytes(ISO_8859_1));
        assertEquals(List.of("GET", "key"), strings(parser.next(rest)));
        assertEquals(5, rest.position());
        assertTrue(!parser.isMidRequest());
    }

    @Test
    void incompleteInputConsumesNothingItCannotUse() throws Exception {
        RespParser parser = new RespParser(LIMITS);
        for (String partial : List.of("*", "*2", "*2\r", "PIN", "PING\r")) {
            ByteBuffer in = ByteBuffer.wrap(partial.getBytes(ISO_8859_1));
            assertNull(new RespParser(LIMITS).next(in), partial);
            assertEquals(0, in.position(), partial);
        }
        assertNull(parser.next(ByteBuffer.allocate(0)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "*2\\r\\n+GET\\r\\n | expected '$', got '+'",
        "*1\\r\\n:1\\r\\n | expected '$', got ':'",
        "*x\\r\\n | invalid multibulk length",
        "*1x\\r\\n | invalid multibulk length",
        "*\\r\\n | invalid multibulk length",
        "*2\\rX | invalid multibulk length",
        "*101\\r\\n | invalid multibulk length",
        "*99999999999999999999999\\r\\n | invalid multibulk length",
        "*1000000000000000000000000000000000000 | too big mbulk count string",
        "*1\\r\\n$-1\\r\\n | invalid bulk length",
        "*1\\r\\n$1001\\r\\n | invalid bulk length",
        "*1\\r\\n$abc\\r\\n | invalid bulk length",
        "*1\\r\\n$3\\r\\nabcde | expected CRLF after a bulk string of 3 bytes",
        "*1\\r\\n$1111111111111111111111111111111111111 | too big bulk count string",
        "SET k \"unterminated\\r\\n | unbalanced quotes in request",
        "SET k 'a'b\\r\\n | unbalanced quotes in request",
    })
    void malformedInputIsAProtocolErrorNamingTheProblem(String input, String message) {
        String raw = input.replace("\\r", "\r").replace("\\n", "\n");
        ProtocolException e = assertThrows(ProtocolException.class, () -> parse(raw));
        assertEquals(message, e.getMessage());
    }

    @Test
    void anInlineLineLongerThanTheLimitIsRejectedBeforeItsEnd() {
        String longLine = "SET k " + "x".repeat(Limits.MAX_INLINE_LENGTH);
        ProtocolException e = assertThrows(ProtocolException.class, () -> parse(longLine));
        assertEquals("too big inline request", e.getMessage());
    }

    @Test
    void bulkAtTheLimitIsAcceptedAndBinarySafe() throws Exception {
        byte[] value = new byte[1000];
        for (int i = 0; i < value.length; i++) value[i] = (byte) i;
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        req.writeBytes("*2\r\n$4\r\nECHO\r\n$1000\r\n".getBytes(ISO_8859_1));
        req.writeBytes(value);
        req.writeBytes("\r\n".getBytes(ISO_8859_1));
        List<byte[]> args = new RespParser(LIMITS).next(ByteBuffer.wrap(req.toByteArray()));
        assertEquals(2, args.size());
        assertTrue(java.util.Arrays.equals(value, args.get(1)));
    }

    @Test
    void inlineQuotingFollowsRedis() throws Exception {
        assertEquals(List.of(List.of("SET", "k", "a b", "it's", "\n\t\u0001", "x")),
                parse("SET  k \"a b\" 'it\\'s' \"\\n\\t\\x01\" x\r\n"));
        assertEquals(List.of(List.of("PING")), parse("PING\n"), "a bare LF ends a line too");
    }
}
