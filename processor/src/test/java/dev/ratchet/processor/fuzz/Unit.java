package dev.ratchet.processor.fuzz;

import dev.ratchet.processor.fuzz.Ast.Program;
import java.util.List;

/**
 * A program as compiled and run: class {@code fuzz.<name>} ({@code @Async}) and its twin
 * {@code fuzz.<name>Sync}, with the root method and its arguments. Regression tests hold units as
 * source text; the fuzzer prints them from a {@link Program}.
 */
record Unit(String name, String async, String twin, String root, List<Object> args) {
    static Unit of(Program p) {
        return new Unit(p.name(), Printer.async(p), Printer.twin(p), p.root().name(), p.rootArgs());
    }
}
