package dev.ratchet.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.processor.harness.Driver;
import dev.ratchet.processor.harness.Io;
import dev.ratchet.processor.harness.Program;
import dev.ratchet.processor.harness.Schedule;
import java.util.concurrent.CancellationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential test over generated bodies: random nests of if/else, for, while, switch,
 * try/catch/finally, break, continue, return and throw around awaits, each run as a state machine
 * and as its synchronous twin under every schedule; value, exception and log must agree.
 */
class RandomBodiesTest {
    private static final int METHODS = 40;
    private static final long SEED = 20261128L;

    @Test
    void generatedBodiesBehaveLikeTheirSynchronousTwins() {
        Random random = new Random(Long.getLong("random.seed", SEED)); // -Drandom.seed=N explores others
        StringBuilder sb = new StringBuilder("""
                package programs;

                import static dev.ratchet.Futures.await;
                import static dev.ratchet.processor.harness.Io.log;
                import static dev.ratchet.processor.harness.Io.value;

                import dev.ratchet.Async;

                class RandomBodies {
                """);
        for (int m = 0; m < METHODS; m++) sb.append(new BodyGenerator(random).method("g" + m));
        sb.append("}\n");
        Program program = Program.compileSource("RandomBodies", sb.toString());
        for (int m = 0; m < METHODS; m++) {
            for (int p : new int[] {0, 3, 8}) program.check("g" + m, p);
            cancelledMidFlight(program, "g" + m);
        }
    }

    /**
     * Cancelled while suspended, every body completes as cancelled, running its finally blocks
     * (no catch here catches CancellationException, no finally throws), and never hangs.
     */
    private static void cancelledMidFlight(Program program, String method) {
        Io.reset(Schedule.OTHER_THREAD);
        Future<?> f = program.future(method, 3);
        Poll<?> first;
        try {
            first = f.poll(Context.of(() -> {}));
        } catch (RuntimeException thrownBeforeAnyAwait) {
            return; // this path throws before it suspends: nothing to cancel
        }
        if (first.isReady()) return; // no await on this path
        f.cancel();
        assertThrows(CancellationException.class, () -> new Driver().run(f), method);
        assertThrows(IllegalStateException.class, () -> f.poll(Context.of(() -> {})), method);
    }

    /** Writes one method; every loop is bounded, every name unique, so the body always compiles. */
    private static final class BodyGenerator {
        private final Random random;
        private final StringBuilder out = new StringBuilder();
        private final Deque<List<String>> scopes = new ArrayDeque<>();
        private int names;
        private int loops;
        private int trys;

        BodyGenerator(Random random) {
            this.random = random;
        }

        String method(String name) {
            out.append("    @Async\n    int ").append(name).append("(int p) {\n");
            scopes.push(new ArrayList<>(List.of("p")));
            line(2, "int acc = 0;");
            block(2, 3);
            line(2, "return acc;");
            out.append("    }\n\n");
            return out.toString();
        }

        private void block(int indent, int depth) {
            int n = 1 + random.nextInt(4);
            for (int i = 0; i < n; i++) statement(indent, depth);
        }

        private String anyVar() {
            List<String> all = new ArrayList<>();
            scopes.forEach(all::addAll);
            return all.get(random.nextInt(all.size()));
        }

        private String fresh(String prefix) {
            String v = prefix + names++;
            scopes.peek().add(v);
            return v;
        }

        private void line(int indent, String s) {
            out.append("    ".repeat(indent)).append(s).append('\n');
        }

        private void nested(int indent, int depth, String header) {
            line(indent, header + " {");
            scopes.push(new ArrayList<>());
            block(indent + 1, depth - 1);
            scopes.pop();
        }

        private void statement(int indent, int depth) {
            int choice = random.nextInt(depth > 0 ? 20 : 6);
            switch (choice) {
                case 0, 1 -> {
                    String x = anyVar();
                    String v = fresh("v");
                    line(indent, "int " + v + " = await(value(" + x + " + " + random.nextInt(5) + "));");
                }
                case 2 -> line(indent, "acc += " + anyVar() + ";");
                case 3 -> line(indent, "log(\"at " + names++ + " acc=\" + acc);");
                case 4 -> {
                    line(indent, "if (" + anyVar() + " % 7 == 6) throw new IllegalStateException(\"boom \" + acc);");
                }
                case 5 -> {
                    if (loops > 0) {
                        line(indent, "if (" + anyVar() + " % 5 == " + random.nextInt(5) + ") " + (random.nextBoolean() ? "break;" : "continue;"));
                    } else {
                        line(indent, "if (" + anyVar() + " % 11 == 10) return acc * 3;");
                    }
                }
                case 6, 7 -> {
                    String cond = random.nextBoolean() ? anyVar() + " % 2 == 0" : "await(value(" + anyVar() + " % 3 == 1))";
                    nested(indent, depth, "if (" + cond + ")");
                    if (random.nextBoolean()) {
                        line(indent, "} else {");
                        scopes.push(new ArrayList<>());
                        block(indent + 1, depth - 1);
                        scopes.pop();
                    }
                    line(indent, "}");
                }
                case 8 -> {
                    String i = "i" + names++;
                    loops++;
                    line(indent, "for (int " + i + " = 0; " + i + " < " + (1 + random.nextInt(3)) + "; " + i + "++) {");
                    scopes.push(new ArrayList<>(List.of(i)));
                    block(indent + 1, depth - 1);
                    scopes.pop();
                    line(indent, "}");
                    loops--;
                }
                case 9 -> {
                    String c = "c" + names++;
                    line(indent, "int " + c + " = 0;");
                    scopes.peek().add(c);
                    loops++;
                    line(indent, "while (" + c + " < " + (1 + random.nextInt(3)) + ") {");
                    line(indent + 1, c + "++;");
                    scopes.push(new ArrayList<>());
                    block(indent + 1, depth - 1);
                    scopes.pop();
                    line(indent, "}");
                    loops--;
                }
                case 10, 11 -> {
                    trys++;
                    nested(indent, depth, "try");
                    if (random.nextInt(3) > 0) {
                        String e = "e" + names++;
                        line(indent, "} catch (IllegalStateException " + e + ") {");
                        scopes.push(new ArrayList<>());
                        line(indent + 1, "log(\"caught \" + " + e + ".getMessage());");
                        block(indent + 1, depth - 1);
                        scopes.pop();
                    }
                    line(indent, "} finally {");
                    scopes.push(new ArrayList<>());
                    line(indent + 1, "log(\"finally " + names++ + "\");");
                    if (random.nextBoolean()) line(indent + 1, "await(value(0));");
                    scopes.pop();
                    line(indent, "}");
                    trys--;
                }
                case 12 -> {
                    String x = anyVar();
                    line(indent, "switch (" + x + " % 3) {");
                    for (String label : new String[] {"case 0", "case 1", "default"}) {
                        line(indent + 1, label + " -> {");
                        scopes.push(new ArrayList<>());
                        block(indent + 2, depth - 1);
                        scopes.pop();
                        line(indent + 1, "}");
                    }
                    line(indent, "}");
                }
                case 18 -> {
                    String r = "r" + names++;
                    nested(indent, depth, "try (AutoCloseable " + r + " = () -> log(\"close " + r + "\"))");
                    line(indent, "} catch (Exception closeFailure) {");
                    line(indent + 1, "log(\"unexpected \" + closeFailure);");
                    line(indent, "}");
                }
                case 19 -> {
                    nested(indent, depth, "try");
                    String e = "e" + names++;
                    line(indent, "} catch (IllegalStateException " + e + ") {");
                    line(indent + 1, "int " + e + "v = await(value(acc));");
                    line(indent + 1, "if (" + e + "v % 2 == 0) throw new IllegalStateException(\"again \" + " + e + ".getMessage());");
                    line(indent + 1, "acc += " + e + "v;");
                    line(indent, "}");
                }
                case 14 -> {
                    String c = "d" + names++;
                    line(indent, "int " + c + " = 0;");
                    scopes.peek().add(c);
                    loops++;
                    line(indent, "do {");
                    line(indent + 1, c + "++;");
                    scopes.push(new ArrayList<>());
                    block(indent + 1, depth - 1);
                    scopes.pop();
                    line(indent, "} while (" + c + " < " + (1 + random.nextInt(3)) + ");");
                    loops--;
                }
                case 15 -> {
                    String x = "x" + names++;
                    loops++;
                    line(indent, "for (var " + x + " : java.util.List.of(" + random.nextInt(4) + ", " + random.nextInt(9) + ")) {");
                    scopes.push(new ArrayList<>(List.of(x)));
                    block(indent + 1, depth - 1);
                    scopes.pop();
                    line(indent, "}");
                    loops--;
                }
                case 16 -> {
                    String label = "outer" + names++;
                    String i = "i" + names++;
                    String j = "j" + names++;
                    loops++;
                    line(indent, label + ":");
                    line(indent, "for (int " + i + " = 0; " + i + " < 2; " + i + "++) {");
                    line(indent + 1, "for (int " + j + " = 0; " + j + " < 3; " + j + "++) {");
                    scopes.push(new ArrayList<>(List.of(i, j)));
                    line(indent + 2, "int " + fresh("v") + " = await(value(" + i + " * 3 + " + j + "));");
                    line(indent + 2, "if (" + j + " == " + random.nextInt(3) + ") " + (random.nextBoolean() ? "continue " : "break ") + label + ";");
                    block(indent + 2, depth - 1);
                    scopes.pop();
                    line(indent + 1, "}");
                    line(indent, "}");
                    loops--;
                }
                case 17 -> {
                    String x = anyVar();
                    line(indent, "switch (" + x + " % 4) {");
                    for (String label : new String[] {"case 0:", "case 1:", "case 2:", "default:"}) {
                        line(indent + 1, label);
                        scopes.push(new ArrayList<>());
                        line(indent + 2, "{");
                        block(indent + 3, depth - 1);
                        line(indent + 2, "}");
                        scopes.pop();
                        if (random.nextBoolean()) line(indent + 2, "break;"); // else fall through
                    }
                    line(indent, "}");
                }
                default -> {
                    String x = anyVar();
                    line(indent, "int " + fresh("w") + " = " + x + " * 2 + acc;");
                }
            }
        }
    }
}
