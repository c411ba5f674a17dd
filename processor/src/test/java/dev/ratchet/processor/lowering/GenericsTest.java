package dev.ratchet.processor.lowering;

import dev.ratchet.processor.harness.Program;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Everything Java allows around an @Async method, each against its synchronous twin under every schedule. */
class GenericsTest {
    private static Program program;

    @BeforeAll
    static void compile() {
        program = Program.compile("Generics");
    }

    @Test
    void boundedAndIntersectionTypeVariables() {
        program.check("maxOfInts");
    }

    @Test
    void genericStaticMethodWithWildcards() {
        program.check("grouped");
        program.check("callWildcards");
    }

    @Test
    void genericClass() {
        program.check("firstOfStrings");
        program.check("boxes");
    }

    @Test
    void varargsAndOverloads() {
        program.check("varargs");
        program.check("over", 3, "x");
    }

    @Test
    void shadowingAndGeneratedNames() {
        program.check("shadowsAField", 4);
        program.check("namedLikeGeneratedMembers", 2);
    }

    @Test
    void recursion() {
        program.check("fib", 10);
    }

    @Test
    void recordsEnumsInterfacesAndInnerClasses() {
        program.check("recordDistance");
        program.check("enums");
        program.check("interfaces");
        program.check("innerClass");
    }
}
