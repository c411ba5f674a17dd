package dev.ratchet.miniredis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed client command: one record per command the server knows, built from a request's
 * arguments by {@link #parse}.
 *
 * <pre>{@code
 * Command c = Command.parse(List.of(b("SET"), b("k"), b("v"), b("EX"), b("10")));
 * // c = Set[key=k, value=v, ttlMillis=10000, condition=ALWAYS, keepTtl=false, get=false]
 * }</pre>
 *
 * <p>Keys and channel names are Strings decoded as ISO-8859-1: that maps every byte to one char
 * and back, so arbitrary binary names survive unchanged, and Java stores such strings one byte
 * per char with a cached hash (cheap map keys). Values stay {@code byte[]} (never copied again);
 * records holding arrays compare them by identity.
 */
sealed interface Command {
    /** PING [message]. */
    record Ping(byte[] message) implements Command {}

    /** ECHO message. */
    record Echo(byte[] message) implements Command {}

    /** GET key. */
    record Get(String key) implements Command {}

    /** SET key value [NX|XX] [GET] [EX seconds|PX milliseconds|KEEPTTL]; ttlMillis 0 means none. */
    record Set(String key, byte[] value, long ttlMillis, Condition condition, boolean keepTtl, boolean get)
            implements Command {}

    /** Whether SET requires the key to be absent (NX), present (XX), or neither. */
    enum Condition { ALWAYS, IF_ABSENT, IF_PRESENT }

    /** DEL key [key ...]. */
    record Del(List<String> keys) implements Command {}

    /** EXISTS key [key ...]. */
    record Exists(List<String> keys) implements Command {}

    /** INCR, DECR, INCRBY, DECRBY. */
    record IncrBy(String key, long delta) implements Command {}

    /** TTL and PTTL. */
    record Ttl(String key, boolean millis) implements Command {}

    /** DBSIZE. */
    record DbSize() implements Command {}

    /** FLUSHDB and FLUSHALL. */
    record Flush() implements Command {}

    /** SELECT index: only database 0 exists (clients configured with a database send it on connect). */
    record Select(long index) implements Command {}

    /** PUBLISH channel message. */
    record Publish(String channel, byte[] message) implements Command {}

    /** SUBSCRIBE channel [channel ...]. */
    record Subscribe(List<String> channels) implements Command {}

    /** UNSUBSCRIBE [channel ...]: no channel means all. */
    record Unsubscribe(List<String> channels) implements Command {}

    /** QUIT: reply OK, then close. */
    record Quit() implements Command {}

    /** COMMAND [...]: clients ask for command docs at startup; an empty list is a valid answer. */
    record CommandDocs() implements Command {}

    /** CONFIG GET pattern [pattern ...]. */
    record ConfigGet(List<String> patterns) implements Command {}

    /** INFO [section ...]. */
    record Info() implements Command {}

    /** Builds the command named by {@code args.get(0)} (case-insensitive). */
    static Command parse(List<byte[]> args) throws CommandException {
        Command common = parseCommon(args);
        if (common != null) return common;
        String name = new String(args.get(0), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        Args a = new Args(name, args);
        switch (name) {
            case "ping":
                a.arity(1, 2);
                return new Ping(a.count() == 2 ? a.bytes(1) : null);
            case "echo":
                a.arity(2, 2);
                return new Echo(a.bytes(1));
            case "get":
                a.arity(2, 2);
                return new Get(a.name(1));
            case "set":
                return parseSet(a);
            case "del":
                a.arity(2, Integer.MAX_VALUE);
                return new Del(a.names(1));
            case "exists":
                a.arity(2, Integer.MAX_VALUE);
                return new Exists(a.names(1));
            case "incr":
                a.arity(2, 2);
                return new IncrBy(a.name(1), 1);
            case "decr":
                a.arity(2, 2);
                return new IncrBy(a.name(1), -1);
            case "incrby":
                a.arity(3, 3);
                return new IncrBy(a.name(1), a.integer(2));
            case "decrby": {
                a.arity(3, 3);
                long by = a.integer(2);
                if (by == Long.MIN_VALUE) throw new CommandException("ERR decrement would overflow");
                return new IncrBy(a.name(1), -by);
            }
            case "ttl":
            case "pttl":
                a.arity(2, 2);
                return new Ttl(a.name(1), name.equals("pttl"));
            case "dbsize":
                a.arity(1, 1);
                return new DbSize();
            case "flushdb":
            case "flushall":
                a.arity(1, 2); // an optional ASYNC/SYNC
                return new Flush();
            case "select":
                a.arity(2, 2);
                return new Select(a.integer(1));
            case "publish":
                a.arity(3, 3);
                return new Publish(a.name(1), a.bytes(2));
            case "subscribe":
                a.arity(2, Integer.MAX_VALUE);
                return new Subscribe(a.names(1));
            case "unsubscribe":
                a.arity(1, Integer.MAX_VALUE);
                return new Unsubscribe(a.names(1));
            case "quit":
                return new Quit();
            case "command":
                return new CommandDocs();
            case "config":
                a.arity(2, Integer.MAX_VALUE);
                if (!a.name(1).equalsIgnoreCase("get")) {
                    throw new CommandException("ERR unknown subcommand '" + a.name(1) + "'. Try CONFIG GET.");
                }
                a.arity(3, Integer.MAX_VALUE);
                return new ConfigGet(a.names(2));
            case "info":
                return new Info();
            default:
                throw unknown(args);
        }
    }

    /**
     * GET key and SET key value, the bulk of any workload, recognised without allocating a
     * lower-case name; null for anything else (including GET/SET with other arities or options,
     * left to the general path and its error messages).
     */
    private static Command parseCommon(List<byte[]> args) {
        byte[] name = args.get(0);
        if (name.length != 3 || (name[1] | 0x20) != 'e' || (name[2] | 0x20) != 't') return null;
        int first = name[0] | 0x20;
        if (first == 'g' && args.size() == 2) return new Get(latin1(args.get(1)));
        if (first == 's' && args.size() == 3) {
            return new Set(latin1(args.get(1)), args.get(2), 0, Condition.ALWAYS, false, false);
        }
        return null;
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static Command parseSet(Args a) throws CommandException {
        a.arity(3, Integer.MAX_VALUE);
        long ttlMillis = 0;
        boolean keepTtl = false, get = false;
        Condition condition = Condition.ALWAYS;
        for (int i = 3; i < a.count(); i++) {
            String option = a.name(i).toUpperCase(Locale.ROOT);
            boolean hasTtl = ttlMillis != 0 || keepTtl;
            switch (option) {
                case "NX", "XX" -> {
                    if (condition != Condition.ALWAYS) throw CommandException.syntax();
                    condition = option.equals("NX") ? Condition.IF_ABSENT : Condition.IF_PRESENT;
                }
                case "GET" -> get = true;
                case "KEEPTTL" -> {
                    if (hasTtl) throw CommandException.syntax();
                    keepTtl = true;
                }
                case "EX", "PX" -> {
                    if (hasTtl || i + 1 == a.count()) throw CommandException.syntax();
                    long amount = a.integer(++i);
                    long unit = option.equals("EX") ? 1000 : 1;
                    if (amount <= 0 || amount > Long.MAX_VALUE / 1000 / unit) {
                        throw new CommandException("ERR invalid expire time in 'set' command");
                    }
                    ttlMillis = amount * unit;
                }
                default -> throw CommandException.syntax();
            }
        }
        return new Set(a.name(1), a.bytes(2), ttlMillis, condition, keepTtl, get);
    }

    private static CommandException unknown(List<byte[]> args) {
        StringBuilder sb = new StringBuilder("ERR unknown command '")
                .append(new String(args.get(0), StandardCharsets.ISO_8859_1))
                .append("', with args beginning with: ");
        for (int i = 1; i < args.size() && sb.length() < 128; i++) {
            sb.append('\'').append(new String(args.get(i), StandardCharsets.ISO_8859_1)).append("' ");
        }
        return new CommandException(sb.toString().replace('\r', ' ').replace('\n', ' '));
    }

    /** A request's arguments, with checks that produce Redis's error replies. */
    final class Args {
        private final String command;
        private final List<byte[]> args;

        Args(String command, List<byte[]> args) {
            this.command = command;
            this.args = args;
        }

        int count() {
            return args.size();
        }

        void arity(int min, int max) throws CommandException {
            if (args.size() < min || args.size() > max) throw CommandException.wrongArity(command);
        }

        byte[] bytes(int i) {
            return args.get(i);
        }

        String name(int i) {
            return new String(args.get(i), StandardCharsets.ISO_8859_1);
        }

        List<String> names(int from) {
            List<String> names = new ArrayList<>(args.size() - from);
            for (int i = from; i < args.size(); i++) names.add(name(i));
            return names;
        }

        long integer(int i) throws CommandException {
            return Numbers.parseLong(args.get(i));
        }
    }
}
