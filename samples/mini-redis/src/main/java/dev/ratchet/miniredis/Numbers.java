package dev.ratchet.miniredis;

import java.nio.charset.StandardCharsets;

/**
 * Redis's integer rules for string values: a 64-bit decimal with an optional '-', no '+', no
 * spaces, no leading zeros ({@code "007"} is not an integer to INCR), at most 20 characters.
 *
 * <pre>{@code
 * long n = Numbers.parseLong("42".getBytes());   // 42
 * byte[] s = Numbers.toBytes(-7);                 // "-7"
 * }</pre>
 */
final class Numbers {
    private Numbers() {}

    static long parseLong(byte[] s) throws CommandException {
        int n = s.length;
        if (n == 0 || n > 20) throw CommandException.notAnInteger();
        boolean negative = s[0] == '-';
        int i = negative ? 1 : 0;
        if (i == n) throw CommandException.notAnInteger();
        if (s[i] == '0' && n > i + 1) throw CommandException.notAnInteger(); // leading zero
        if (negative && s[i] == '0') throw CommandException.notAnInteger(); // "-0"
        long value = 0; // accumulated negatively: -Long.MIN_VALUE does not fit
        for (; i < n; i++) {
            int digit = s[i] - '0';
            if (digit < 0 || digit > 9) throw CommandException.notAnInteger();
            if (value < (Long.MIN_VALUE + digit) / 10) throw CommandException.notAnInteger();
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) throw CommandException.notAnInteger();
            value = -value;
        }
        return value;
    }

    static byte[] toBytes(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }
}
