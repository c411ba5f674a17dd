package dev.ratchet.processor.fuzz;

import dev.ratchet.processor.fuzz.Ast.Program;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Writes a (shrunk) failing program as a ready-to-commit JUnit test: the {@code @Async} class and
 * its twin as text blocks, replayed by {@link FuzzCase} under the mode that failed. Copy its
 * method into {@code FuzzRegressionTest} (with {@code @Disabled("fuzzer finding: ...")} while the
 * processor is not fixed).
 */
final class RegressionWriter {
    private RegressionWriter() {}

    static Path write(Path dir, Program p, Finding f, long seed, int index) {
        String className = "FuzzFinding_" + Long.toUnsignedString(seed) + "_" + index + "Test";
        String source = source(className, "seed" + Long.toUnsignedString(seed) + "program" + index, Unit.of(p), f);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(className + ".java");
            Files.writeString(file, source);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String source(String className, String methodName, Unit u, Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append("package dev.ratchet.processor.fuzz;\n\n");
        sb.append("import dev.ratchet.processor.harness.Schedule;\n");
        sb.append("import java.util.List;\n");
        sb.append("import org.junit.jupiter.api.Test;\n\n");
        sb.append("class ").append(className).append(" {\n");
        sb.append(method(methodName, u, f));
        sb.append("}\n");
        return sb.toString();
    }

    /** The test method alone, indented for a test class. */
    static String method(String methodName, Unit u, Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append("    /*\n     * Fuzzer finding (").append(f.kind()).append(f.mode() == null ? "" : " under " + f.mode()).append("):\n");
        for (String line : f.detail().strip().split("\n")) sb.append("     * ").append(line.replace("*/", "* /")).append('\n');
        sb.append("     */\n");
        sb.append("    @Test\n    void ").append(methodName).append("() {\n");
        sb.append("        FuzzCase.of(\"").append(u.name()).append("\", \"").append(u.root()).append("\", List.of(")
                .append(u.args().stream().map(RegressionWriter::literal).collect(Collectors.joining(", "))).append("),\n");
        sb.append(textBlock(u.async())).append(",\n");
        sb.append(textBlock(u.twin())).append(")\n");
        if (u.member() != null) sb.append("                .inMember(\"").append(u.member()).append("\")\n");
        if (f.mode() == null) {
            sb.append("                .assertAgreesEverywhere();\n");
        } else {
            sb.append("                .assertAgreesUnder(Oracle.DriverKind.").append(f.mode().driver()).append(", new Plan(Schedule.")
                    .append(f.mode().plan().schedule()).append(", ").append(f.mode().plan().neverAt()).append("));\n");
        }
        sb.append("    }\n");
        return sb.toString();
    }

    private static String literal(Object o) {
        return o instanceof String s ? "\"" + s + "\"" : String.valueOf(o);
    }

    private static String textBlock(String s) {
        String indent = "                ";
        StringBuilder sb = new StringBuilder(indent).append("\"\"\"\n");
        for (String line : s.split("\n", -1)) {
            if (line.isEmpty()) {
                sb.append('\n');
            } else {
                sb.append(indent).append(line.replace("\\", "\\\\")).append('\n');
            }
        }
        // The text ends with a newline already; close on its own line at the same indent.
        sb.setLength(sb.length() - 1);
        return sb.append(indent).append("\"\"\"").toString();
    }
}
