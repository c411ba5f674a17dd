package dev.ratchet.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;

/**
 * Replays one fuzzer program given as source text (a regression test): compiles the {@code
 * @Async} class and its twin with the processor and asserts they agree.
 *
 * <pre>{@code
 * FuzzCase.of("P7", "m0", List.of(3), asyncSource, twinSource)
 *         .assertAgreesUnder(Oracle.DriverKind.HARNESS, new Plan(Schedule.FAILING, 0));
 * }</pre>
 */
final class FuzzCase {
    private final Unit unit;

    private FuzzCase(Unit unit) {
        this.unit = unit;
    }

    static FuzzCase of(String name, String root, List<Object> args, String async, String twin) {
        return new FuzzCase(new Unit(name, null, async, twin, root, args));
    }

    /** The methods live in the static member class {@code member} of {@code name}. */
    FuzzCase inMember(String member) {
        return new FuzzCase(new Unit(unit.name(), member, unit.async(), unit.twin(), unit.root(), unit.args()));
    }

    /** Compiles; fails the test on a compile error in either class or in generated code. */
    private ClassLoader compile() {
        BatchCompiler.Result r = BatchCompiler.compile(List.of(unit));
        if (r.invalid().containsKey(unit.name())) fail("the twin does not compile (a broken test case):\n" + r.invalid().get(unit.name()));
        if (r.javacCrashes().containsKey(unit.name())) fail(r.javacCrashes().get(unit.name()));
        if (r.asyncErrors().containsKey(unit.name())) fail("the @Async class does not compile:\n" + r.asyncErrors().get(unit.name()));
        return r.loader();
    }

    void assertAgreesUnder(Oracle.DriverKind driver, Plan plan) {
        ClassLoader loader = compile();
        try (Oracle oracle = new Oracle()) {
            Finding f = oracle.check(loader, unit, new Oracle.Mode(driver, plan));
            assertTrue(f == null, () -> String.valueOf(f));
        }
    }

    /** Under every standard mode, with two cancellation points from a fixed seed. */
    void assertAgreesEverywhere() {
        ClassLoader loader = compile();
        try (Oracle oracle = new Oracle()) {
            Finding f = oracle.check(loader, unit, new Random(0));
            assertTrue(f == null, () -> String.valueOf(f));
        }
    }
}
