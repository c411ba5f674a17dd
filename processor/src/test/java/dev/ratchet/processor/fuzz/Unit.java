package dev.ratchet.processor.fuzz;

import dev.ratchet.processor.fuzz.Ast.Program;
import java.util.List;

/**
 * A program as compiled and run: class {@code fuzz.<name>} ({@code @Async}) and its twin
 * {@code fuzz.<name>Sync}, with the root method and its arguments. Regression tests hold units as
 * source text; the fuzzer prints them from a {@link Program}.
 */
record Unit(String name, String member, String async, String twin, String root, List<Object> args) {
    static Unit of(Program p) {
        return new Unit(p.name(), p.member(), Printer.async(p), Printer.twin(p), p.root().name(), p.rootArgs());
    }

    /** Binary name of the class holding the {@code @Async} methods. */
    String asyncClass() {
        return Printer.PACKAGE + "." + name + (member == null ? "" : "$" + member);
    }

    String twinClass() {
        return Printer.PACKAGE + "." + Printer.twinName(name) + (member == null ? "" : "$" + member);
    }

    /** The companion: {@code Outer.Inner} becomes {@code Outer_InnerAsync} (SPEC.md). */
    String companionClass() {
        return Printer.PACKAGE + "." + name + (member == null ? "" : "_" + member) + "Async";
    }
}
