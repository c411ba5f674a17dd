package dev.ratchet.processor.fuzz;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationFailureException;
import dev.ratchet.processor.harness.GeneratedClassLoader;
import com.google.testing.compile.JavaFileObjects;
import dev.ratchet.processor.AsyncProcessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles many programs — each as its {@code @Async} class and its synchronous twin — in one
 * javac run with the processor, which is what makes thousands of programs affordable. A program
 * whose twin does not compile is invalid (the generator's or shrinker's fault, not the
 * processor's); a program whose twin compiles but whose {@code @Async} class (or the code generated
 * from it) does not is a processor finding. The others are compiled again without the failing
 * ones, until the batch compiles.
 */
final class BatchCompiler {
    private BatchCompiler() {}

    /**
     * What a batch compiled to. {@code javacCrashes}: programs javac itself crashes on as written
     * (twin or {@code @Async} holder, without the processor) — javac's bug, not the processor's; a
     * crash only on the processor's output is one of the {@code asyncErrors}.
     */
    record Result(ClassLoader loader, Map<String, String> asyncErrors, Map<String, String> invalid, Map<String, String> javacCrashes) {
        boolean compiled(String program) {
            return !asyncErrors.containsKey(program) && !invalid.containsKey(program) && !javacCrashes.containsKey(program);
        }
    }

    static Result compile(List<Unit> programs) {
        Map<String, String> asyncErrors = new LinkedHashMap<>();
        Map<String, String> invalid = new LinkedHashMap<>();
        Map<String, String> javacCrashes = new LinkedHashMap<>();
        List<Unit> left = new ArrayList<>(programs);
        while (!left.isEmpty()) {
            Compilation c;
            try {
                c = javacRun(left);
            } catch (CompilationFailureException crash) {
                // javac itself crashed (seen: javac 17's ArrayIndexOutOfBoundsException in
                // Gen.handleSwitch, on switch expressions it also miscompiles): find on which programs.
                if (left.size() == 1) {
                    crashed(left.get(0), asyncErrors, javacCrashes);
                    break;
                }
                left = bisect(left, asyncErrors, invalid, javacCrashes, "javac crashes on the batch, on no half alone");
                continue;
            }
            if (c.status() == Compilation.Status.SUCCESS) {
                return new Result(new GeneratedClassLoader(c, BatchCompiler.class.getClassLoader()), asyncErrors, invalid, javacCrashes);
            }
            Map<String, StringBuilder> twinErr = new HashMap<>();
            Map<String, StringBuilder> asyncErr = new HashMap<>();
            boolean unattributed = false;
            for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
                String file = d.getSource() == null ? null : simpleName(d.getSource());
                String owner = file == null ? null : owner(file, left);
                if (owner == null) {
                    unattributed = true;
                    continue;
                }
                boolean twin = file.equals(Printer.twinName(owner));
                (twin ? twinErr : asyncErr).computeIfAbsent(owner, k -> new StringBuilder())
                        .append(file).append(".java:").append(d.getLineNumber()).append(": ").append(d.getMessage(null)).append('\n');
            }
            if (unattributed && twinErr.isEmpty() && asyncErr.isEmpty()) {
                if (left.size() == 1) {
                    asyncErrors.put(left.get(0).name(), describe(c));
                    break;
                }
                left = bisect(left, asyncErrors, invalid, javacCrashes, "compiles alone but not in a batch:\n" + describe(c));
                continue;
            }
            twinErr.forEach((k, v) -> invalid.put(k, v.toString()));
            asyncErr.forEach((k, v) -> {
                if (!invalid.containsKey(k)) asyncErrors.put(k, v.toString());
            });
            left.removeIf(p -> invalid.containsKey(p.name()) || asyncErrors.containsKey(p.name()));
        }
        return new Result(new GeneratedClassLoader(null, BatchCompiler.class.getClassLoader()), asyncErrors, invalid, javacCrashes);
    }

    /**
     * Compiles the halves of {@code left} on their own to find the culprits, records what they
     * found, and returns the programs that compiled. If both halves compile, the batch's first
     * program is blamed with {@code together}, so the loop always makes progress.
     */
    private static List<Unit> bisect(List<Unit> left, Map<String, String> asyncErrors, Map<String, String> invalid,
            Map<String, String> javacCrashes, String together) {
        int half = left.size() / 2;
        Result a = compile(left.subList(0, half));
        Result b = compile(left.subList(half, left.size()));
        for (Result r : List.of(a, b)) {
            asyncErrors.putAll(r.asyncErrors);
            invalid.putAll(r.invalid);
            javacCrashes.putAll(r.javacCrashes);
        }
        List<Unit> ok = new ArrayList<>();
        for (Unit p : left) if (a.compiled(p.name()) && b.compiled(p.name())) ok.add(p);
        if (ok.size() == left.size()) {
            asyncErrors.put(left.get(0).name(), together);
            ok.remove(0);
        }
        return ok;
    }

    /**
     * javac crashed on {@code p} with the processor: blames the program as written if javac also
     * crashes on its twin or its holder alone without the processor, else the processor's output.
     */
    private static void crashed(Unit p, Map<String, String> asyncErrors, Map<String, String> javacCrashes) {
        String version = "javac " + Runtime.version();
        List<String[]> asWritten = List.of(
                new String[] {"the synchronous twin", Printer.twinName(p.name()), p.twin()},
                new String[] {"the @Async holder", p.name(), p.async()});
        for (String[] file : asWritten) {
            try {
                javac().withOptions(concat("-proc:none")).compile(JavaFileObjects.forSourceString(Printer.PACKAGE + "." + file[1], file[2]));
            } catch (CompilationFailureException crash) {
                javacCrashes.put(p.name(), "javac crash in " + file[0] + " (" + version + " on the program as written, without the processor;"
                        + " its exception is on System.err)");
                return;
            }
        }
        asyncErrors.put(p.name(), "javac crashes on the processor's output (" + version + "; the program as written compiles;"
                + " its exception is on System.err)");
    }

    /** Compiles twins only, without the processor: is each program valid Java? Returns the invalid ones. */
    static Map<String, String> invalidTwins(List<Unit> programs) {
        List<JavaFileObject> files = new ArrayList<>();
        for (Unit p : programs) {
            files.add(JavaFileObjects.forSourceString(Printer.PACKAGE + "." + Printer.twinName(p.name()), p.twin()));
        }
        Compilation c = javac().withOptions(concat("-proc:none")).compile(files);
        Map<String, String> invalid = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
            String file = d.getSource() == null ? null : simpleName(d.getSource());
            String owner = file == null ? null : owner(file, programs);
            if (owner == null) {
                programs.forEach(p -> invalid.put(p.name(), describe(c)));
                break;
            }
            invalid.merge(owner, d.getMessage(null), (a, b) -> a + "\n" + b);
        }
        return invalid;
    }

    private static Compilation javacRun(List<Unit> programs) {
        List<JavaFileObject> files = new ArrayList<>();
        for (Unit p : programs) {
            files.add(JavaFileObjects.forSourceString(Printer.PACKAGE + "." + p.name(), p.async()));
            files.add(JavaFileObjects.forSourceString(Printer.PACKAGE + "." + Printer.twinName(p.name()), p.twin()));
        }
        return javac().withProcessors(new AsyncProcessor()).withOptions(concat()).compile(files);
    }

    /**
     * Report every error of every file: without {@code should-stop.ifError=FLOW}, an error in one
     * program stops javac before flow analysis, so another's "missing return statement" would go
     * unnoticed and an invalid program would pass for valid.
     */
    private static List<String> concat(String... more) {
        List<String> options = new ArrayList<>(List.of("-Xmaxerrs", "100000", "-XDshould-stop.ifError=FLOW"));
        options.addAll(List.of(more));
        return options;
    }

    private static String describe(Compilation c) {
        StringBuilder sb = new StringBuilder();
        c.errors().forEach(d -> sb.append(d).append('\n'));
        return sb.toString();
    }

    private static String simpleName(JavaFileObject f) {
        String path = f.toUri().getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
    }

    /** The program a file belongs to: the longest program name it starts with, followed by a non-digit. */
    private static String owner(String file, List<Unit> programs) {
        String best = null;
        for (Unit p : programs) {
            String n = p.name();
            if (file.startsWith(n) && (file.length() == n.length() || !Character.isDigit(file.charAt(n.length())))
                    && (best == null || n.length() > best.length())) {
                best = n;
            }
        }
        return best;
    }
}
