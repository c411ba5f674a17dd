package dev.ratchet.miniredis;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an inline command line into arguments the way Redis's {@code sdssplitargs} does, so that
 * {@code SET k "hello world"} typed into telnet means what it means to Redis.
 *
 * <pre>{@code
 * InlineSplitter.split("SET k \"a b\"".getBytes())   // [SET, k, a b]
 * }</pre>
 */
final class InlineSplitter {
    private InlineSplitter() {}

    static List<byte[]> split(byte[] line) throws ProtocolException {
        List<byte[]> args = new ArrayList<>();
        int i = 0, n = line.length;
        while (true) {
            while (i < n && isSpace(line[i])) i++;
            if (i == n) return args;
            ByteArrayOutputStream arg = new ByteArrayOutputStream();
            if (line[i] == '"') {
                i = doubleQuoted(line, i + 1, arg);
            } else if (line[i] == '\'') {
                i = singleQuoted(line, i + 1, arg);
            } else {
                while (i < n && !isSpace(line[i])) arg.write(line[i++]);
            }
            args.add(arg.toByteArray());
        }
    }

    /** Reads after an opening '"' up to the closing one; returns the index after it. */
    private static int doubleQuoted(byte[] line, int i, ByteArrayOutputStream arg) throws ProtocolException {
        int n = line.length;
        while (true) {
            if (i >= n) throw unbalanced();
            byte c = line[i];
            if (c == '"') return afterClosingQuote(line, i + 1);
            if (c == '\\' && i + 3 < n && line[i + 1] == 'x' && isHex(line[i + 2]) && isHex(line[i + 3])) {
                arg.write(Character.digit(line[i + 2], 16) * 16 + Character.digit(line[i + 3], 16));
                i += 4;
            } else if (c == '\\' && i + 1 < n) {
                byte e = line[i + 1];
                arg.write(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'b' -> '\b';
                    case 'a' -> 7;
                    default -> e;
                });
                i += 2;
            } else {
                arg.write(c);
                i++;
            }
        }
    }

    /** Reads after an opening '\'' up to the closing one (only \' is an escape). */
    private static int singleQuoted(byte[] line, int i, ByteArrayOutputStream arg) throws ProtocolException {
        int n = line.length;
        while (true) {
            if (i >= n) throw unbalanced();
            byte c = line[i];
            if (c == '\\' && i + 1 < n && line[i + 1] == '\'') {
                arg.write('\'');
                i += 2;
            } else if (c == '\'') {
                return afterClosingQuote(line, i + 1);
            } else {
                arg.write(c);
                i++;
            }
        }
    }

    /** A closing quote must be followed by a space or the end of the line (as in Redis). */
    private static int afterClosingQuote(byte[] line, int i) throws ProtocolException {
        if (i < line.length && !isSpace(line[i])) throw unbalanced();
        return i;
    }

    private static ProtocolException unbalanced() {
        return new ProtocolException("unbalanced quotes in request");
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0x0b || b == '\f';
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
