package dev.ratchet.processor.harness;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the classes of an in-memory compilation; everything else (dev.ratchet types included)
 * comes from the parent, so test code and generated code share the runtime's classes.
 */
public final class GeneratedClassLoader extends ClassLoader {
    private final Map<String, JavaFileObject> classes = new HashMap<>();

    /** {@code c} may be null: a loader with no generated classes. */
    public GeneratedClassLoader(Compilation c, ClassLoader parent) {
        super(parent);
        if (c == null) return;
        for (JavaFileObject f : c.generatedFiles()) {
            if (f.getKind() != JavaFileObject.Kind.CLASS) continue;
            String path = f.toUri().getPath();
            int at = path.indexOf("CLASS_OUTPUT/");
            String binary = path.substring(at + "CLASS_OUTPUT/".length(), path.length() - ".class".length()).replace('/', '.');
            classes.put(binary, f);
        }
    }

    /** The binary names of the classes this loader defines (loaded or not yet). */
    public java.util.Set<String> classNames() {
        return java.util.Collections.unmodifiableSet(classes.keySet());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JavaFileObject f = classes.get(name);
        if (f == null) throw new ClassNotFoundException(name);
        try (InputStream in = f.openInputStream()) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
