package dev.ratchet.processor.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.ratchet.Future;
import dev.ratchet.processor.AsyncProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.tools.JavaFileObject;

/**
 * A test program: a source under {@code src/test/resources/programs/}, compiled with the
 * processor, plus its synchronous twin (same source in package {@code programs.sync}, with
 * {@code await} = {@link Sync#await}). {@link #check} runs a method both ways under
 * every {@link Schedule} and asserts the same value or exception and the same log.
 */
public final class Program {
    private final String name;
    private final ClassLoader loader;
    private final Compilation compilation;

    private Program(String name, Compilation compilation) {
        this.name = name;
        this.compilation = compilation;
        this.loader = new GeneratedClassLoader(compilation, Program.class.getClassLoader());
    }

    /** Compiles {@code programs/<name>.java} and its twin; fails the test on any compile error. */
    public static Program compile(String name) {
        return compileSource(name, resource("programs/" + name + ".java"));
    }

    /** Compiles {@code source} (class {@code programs.<name>}) and its twin. */
    public static Program compileSource(String name, String source) {
        // The twin keeps @Async (so companions it names exist) but awaits synchronously; its
        // methods are called directly, never through the generated machines.
        String twin = source
                .replace("package programs;", "package programs.sync;")
                .replace("import static dev.ratchet.Futures.await;", "import static dev.ratchet.processor.harness.Sync.await;");
        Compilation c = javac().withProcessors(new AsyncProcessor())
                .compile(JavaFileObjects.forSourceString("programs." + name, source),
                        JavaFileObjects.forSourceString("programs.sync." + name, twin));
        if (c.status() != Compilation.Status.SUCCESS) {
            StringBuilder sb = new StringBuilder();
            c.diagnostics().forEach(d -> sb.append(d).append('\n'));
            throw new AssertionError("compilation of " + name + " failed:\n" + sb);
        }
        dump(c);
        return new Program(name, c);
    }

    /** Keeps the generated sources under target/ for reading (the build never reads them back). */
    private static void dump(Compilation c) {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "generated-test-programs");
        for (JavaFileObject f : c.generatedSourceFiles()) {
            try {
                String path = f.toUri().getPath();
                String file = path.substring(path.lastIndexOf('/') + 1);
                java.nio.file.Path out = dir.resolve(path.contains("/sync/") ? "sync-" + file : file);
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.writeString(out, f.getCharContent(true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Compilation compilation() {
        return compilation;
    }

    /** The generated source of {@code programs.<simpleName>}. */
    public String generatedSource(String simpleName) {
        return compilation.generatedSourceFile("programs." + simpleName)
                .map(f -> {
                    try {
                        return f.getCharContent(true).toString();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .orElseThrow(() -> new AssertionError("no generated source programs." + simpleName));
    }

    public static String resource(String path) {
        try (InputStream in = Program.class.getClassLoader().getResourceAsStream(path)) {
            Objects.requireNonNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What running a method produced. */
    public record Outcome(Object value, String failure, List<String> log) {
        public Outcome {
            if (value != null && value.getClass().isArray()) value = Arrays.deepToString(new Object[] {value}); // compare contents
        }
    }

    /** Runs {@code method} both ways under every schedule; asserts equal outcomes; returns the async ones. */
    public Map<Schedule, Outcome> check(String method, Object... args) {
        Map<Schedule, Outcome> outcomes = new HashMap<>();
        for (Schedule s : Schedule.values()) {
            Outcome expected = runSync(s, method, args);
            Outcome actual = runAsync(s, method, args);
            assertEquals(expected, actual, name + "." + method + " under " + s);
            outcomes.put(s, actual);
        }
        return outcomes;
    }

    public Outcome runSync(Schedule s, String method, Object... args) {
        Io.reset(s);
        try {
            Class<?> type = loader.loadClass("programs.sync." + binaryName(method));
            Method m = find(type, methodName(method), args.length);
            Object receiver = Modifier.isStatic(m.getModifiers()) ? null : newInstance(type);
            return new Outcome(m.invoke(receiver, args), null, Io.logged());
        } catch (InvocationTargetException e) {
            return new Outcome(null, describe(e.getCause()), Io.logged());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    public Outcome runAsync(Schedule s, String method, Object... args) {
        Io.reset(s);
        Future<?> f = future(method, args);
        try {
            return new Outcome(new Driver().run(f), null, Io.logged());
        } catch (Throwable t) {
            if (t instanceof AssertionError a && a.getMessage() != null && a.getMessage().contains("lost wakeup")) throw a;
            return new Outcome(null, describe(t), Io.logged());
        }
    }

    /** Calls the companion entry: the lazy future of {@code method}. */
    public Future<?> future(String method, Object... args) {
        try {
            Class<?> type = loader.loadClass("programs." + binaryName(method));
            Class<?> companion = loader.loadClass("programs." + binaryName(method).replace('$', '_') + "Async");
            Method target = find(type, methodName(method), args.length);
            Object[] full = args;
            if (!Modifier.isStatic(target.getModifiers())) {
                full = new Object[args.length + 1];
                full[0] = newInstance(type);
                System.arraycopy(args, 0, full, 1, args.length);
            }
            Method entry = find(companion, methodName(method), full.length);
            entry.setAccessible(true);
            return (Future<?>) entry.invoke(null, full);
        } catch (InvocationTargetException e) {
            throw new AssertionError("the entry itself threw", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code "m"} is a method of the program's class, {@code "Box.m"} of its nested class {@code Box}. */
    private String binaryName(String method) {
        int dot = method.lastIndexOf('.');
        return dot < 0 ? name : name + "$" + method.substring(0, dot).replace('.', '$');
    }

    private static String methodName(String method) {
        return method.substring(method.lastIndexOf('.') + 1);
    }

    private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        if (type.isInterface()) {
            // An interface's default methods run on the program's class that implements it.
            for (Class<?> c : type.getDeclaringClass().getDeclaredClasses()) {
                if (!c.isInterface() && type.isAssignableFrom(c)) return newInstance(c);
            }
            throw new AssertionError("no class implements " + type);
        }
        var c = type.getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    /** The declared method {@code method} of {@code type} with {@code arity} parameters, made accessible. */
    public static Method find(Class<?> type, String method, int arity) {
        Method m = Arrays.stream(type.getDeclaredMethods())
                .filter(x -> x.getName().equals(method) && x.getParameterCount() == arity)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no method " + method + "/" + arity + " in " + type));
        m.setAccessible(true);
        return m;
    }

    private static String describe(Throwable t) {
        // The async backtrace the state machines attach is diagnostics, not the program's meaning.
        List<String> suppressed = Arrays.stream(t.getSuppressed())
                .filter(x -> !(x instanceof dev.ratchet.debug.AsyncBacktrace)).map(Program::describe).toList();
        return t.getClass().getName() + ": " + t.getMessage() + (suppressed.isEmpty() ? "" : " suppressed " + suppressed);
    }
}
