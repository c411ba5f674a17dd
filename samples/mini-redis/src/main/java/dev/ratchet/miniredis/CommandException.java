package dev.ratchet.miniredis;

/**
 * A command that cannot be executed as given: unknown name, wrong arity, bad option, a value of
 * the wrong kind. Its message is the error reply without the leading {@code -} (for instance
 * {@code ERR wrong number of arguments for 'get' command}); the connection stays open.
 */
final class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }

    static CommandException wrongArity(String command) {
        return new CommandException("ERR wrong number of arguments for '" + command + "' command");
    }

    static CommandException syntax() {
        return new CommandException("ERR syntax error");
    }

    static CommandException notAnInteger() {
        return new CommandException("ERR value is not an integer or out of range");
    }
}
