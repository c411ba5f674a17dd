package dev.ratchet.miniredis;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandTest {
    private static Command parse(String line) throws CommandException {
        List<byte[]> args = new ArrayList<>();
        for (String s : line.split(" ")) args.add(s.getBytes(ISO_8859_1));
        return Command.parse(args);
    }

    @Test
    void setWithEveryOption() throws Exception {
        Command.Set s = assertInstanceOf(Command.Set.class, parse("set k v ex 10 nx get"));
        assertEquals("k", s.key());
        assertArrayEquals("v".getBytes(ISO_8859_1), s.value());
        assertEquals(10_000, s.ttlMillis());
        assertEquals(Command.Condition.IF_ABSENT, s.condition());
        assertEquals(true, s.get());
        s = assertInstanceOf(Command.Set.class, parse("SET k v PX 250 XX"));
        assertEquals(250, s.ttlMillis());
        assertEquals(Command.Condition.IF_PRESENT, s.condition());
        s = assertInstanceOf(Command.Set.class, parse("SET k v KEEPTTL"));
        assertEquals(true, s.keepTtl());
        assertEquals(0, s.ttlMillis());
    }

    @Test
    void commandNamesAreCaseInsensitiveAndIncrFamilyMapsToIncrBy() throws Exception {
        assertEquals(new Command.IncrBy("n", 1), parse("InCr n"));
        assertEquals(new Command.IncrBy("n", -1), parse("DECR n"));
        assertEquals(new Command.IncrBy("n", 5), parse("incrby n 5"));
        assertEquals(new Command.IncrBy("n", -5), parse("decrby n 5"));
        assertEquals(new Command.Del(List.of("a", "b")), parse("del a b"));
        assertEquals(new Command.Unsubscribe(List.of()), parse("unsubscribe"));
        assertEquals(new Command.ConfigGet(List.of("save", "appendonly")), parse("config get save appendonly"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "get | ERR wrong number of arguments for 'get' command",
        "GET a b | ERR wrong number of arguments for 'get' command",
        "set k | ERR wrong number of arguments for 'set' command",
        "set k v nx xx | ERR syntax error",
        "set k v ex | ERR syntax error",
        "set k v ex 1 px 1 | ERR syntax error",
        "set k v ex 1 keepttl | ERR syntax error",
        "set k v bogus | ERR syntax error",
        "set k v ex abc | ERR value is not an integer or out of range",
        "set k v ex 0 | ERR invalid expire time in 'set' command",
        "set k v px -5 | ERR invalid expire time in 'set' command",
        "set k v ex 99999999999999999 | ERR invalid expire time in 'set' command",
        "incrby k 1.5 | ERR value is not an integer or out of range",
        "decrby k -9223372036854775808 | ERR decrement would overflow",
        "config set a b | ERR unknown subcommand 'set'. Try CONFIG GET.",
        "flurb a b | 'ERR unknown command ''flurb'', with args beginning with: ''a'' ''b'' '",
    })
    void invalidCommandsGiveRedisErrors(String line, String error) {
        CommandException e = assertThrows(CommandException.class, () -> parse(line));
        assertEquals(error, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "-1,-1", "9223372036854775807,9223372036854775807", "-9223372036854775808,-9223372036854775808"})
    void integersFollowRedisRules(String text, long value) throws Exception {
        assertEquals(value, Numbers.parseLong(text.getBytes(ISO_8859_1)));
        assertEquals(text, new String(Numbers.toBytes(value), ISO_8859_1));
    }

    @ParameterizedTest
    @CsvSource({"''", "-", "+1", "01", "-0", "' 1'", "'1 '", "9223372036854775808", "-9223372036854775809", "1e3", "0x10"})
    void nonIntegersAreRejected(String text) {
        assertThrows(CommandException.class, () -> Numbers.parseLong(text.getBytes(ISO_8859_1)), text);
    }
}
