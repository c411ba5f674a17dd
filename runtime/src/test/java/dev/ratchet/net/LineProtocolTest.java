package dev.ratchet.net;

import static dev.ratchet.net.TestDriver.blockOnForTest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** BufReader and BufWriter over real sockets: a line-oriented "uppercase" server. */
class LineProtocolTest {
    /** Server: reads lines, answers each uppercased; flushes when no more input is buffered. */
    static final class UpperServer implements Future<Integer> {
        private final BufReader in;
        private final BufWriter out;
        private Future<String> readLine;
        private Future<Void> flush;
        private int lines;

        UpperServer(TcpStream s) {
            this.in = new BufReader(s, 1024);
            this.out = new BufWriter(s);
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            while (true) {
                if (flush != null) {
                    if (flush.poll(cx).isPending()) return Poll.pending();
                    flush = null;
                }
                if (readLine == null) readLine = in.readLine();
                Poll<String> p = readLine.poll(cx);
                if (p.isPending()) return Poll.pending();
                readLine = null;
                String line = p.value();
                if (line == null) return Poll.ready(lines);
                lines++;
                out.write(line.toUpperCase()).write("\r\n");
                if (in.buffered() == 0) flush = out.flush(); // pipelined requests: one flush per batch
            }
        }
    }

    @Test
    void pipelinedLinesAreAnsweredInOrder() throws Exception {
        int count = 2000;
        try (TcpListener listener = TcpListener.bind(Loopback.ANY_PORT)) {
            CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
                try (TcpStream s = blockOnForTest(listener.accept())) {
                    return blockOnForTest(new UpperServer(s));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try (TcpStream client = blockOnForTest(TcpStream.connect(listener.localAddress()))) {
                BufWriter out = new BufWriter(client);
                for (int i = 0; i < count; i++) out.write("line " + i + "\n");
                blockOnForTest(out.flush());
                client.shutdownOutput();
                BufReader in = new BufReader(client);
                List<String> answers = new ArrayList<>();
                String line;
                while ((line = blockOnForTest(in.readLine())) != null) answers.add(line);
                assertEquals(count, answers.size());
                for (int i = 0; i < count; i++) assertEquals("LINE " + i, answers.get(i));
            }
            assertEquals(count, served.get(20, TimeUnit.SECONDS));
        }
    }
}
