package dev.ratchet.processor.check;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Compiles test inputs with the processor under test, with every lint warning on. */
final class Compile {
    private Compile() {}

    /** A source file for {@code qualifiedName} (e.g. {@code "shop.Checkout"}). */
    static JavaFileObject source(String qualifiedName, String text) {
        return JavaFileObjects.forSourceString(qualifiedName, text);
    }

    static Compilation compile(JavaFileObject... sources) {
        return javac()
                .withProcessors(TestProcessors.underTest())
                .withOptions("-Xlint:all,-processing")
                .compile(sources);
    }
}
