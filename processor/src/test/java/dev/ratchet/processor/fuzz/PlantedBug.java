package dev.ratchet.processor.fuzz;

import dev.ratchet.processor.fuzz.Ast.Block;
import dev.ratchet.processor.fuzz.Ast.Catch;
import dev.ratchet.processor.fuzz.Ast.Method;
import dev.ratchet.processor.fuzz.Ast.Program;
import dev.ratchet.processor.fuzz.Ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/** A deliberately wrong rewrite, to check that the fuzzer notices a twin that differs (tests only). */
final class PlantedBug {
    private PlantedBug() {}

    static Program forgetFirstStatementOfCatches(Program p) {
        List<Method> ms = new ArrayList<>();
        for (Method m : p.methods()) ms.add(new Method(m.name(), m.isStatic(), m.ret(), m.params(), block(m.body())));
        return p.withMethods(ms);
    }

    private static Block block(Block b) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : b.stmts()) out.add(stmt(s));
        return Block.of(out);
    }

    private static Stmt stmt(Stmt s) {
        if (s instanceof Ast.Try t) {
            List<Catch> cs = new ArrayList<>();
            for (Catch c : t.catches()) {
                List<Stmt> body = block(c.body()).stmts();
                cs.add(new Catch(c.types(), c.var(), Block.of(body.isEmpty() ? body : body.subList(1, body.size()))));
            }
            return new Ast.Try(t.resources(), block(t.body()), List.copyOf(cs), t.fin() == null ? null : block(t.fin()));
        }
        if (s instanceof Ast.If i) return new Ast.If(i.cond(), block(i.then()), i.otherwise() == null ? null : block(i.otherwise()));
        if (s instanceof Ast.Loop l) return new Ast.Loop(l.kind(), l.label(), l.counter(), l.trips(), l.awaitHeader(), block(l.body()));
        if (s instanceof Ast.ForEach f) return new Ast.ForEach(f.label(), f.var(), f.iterable(), f.awaitHeader(), block(f.body()));
        if (s instanceof Ast.Labeled l) return new Ast.Labeled(l.label(), block(l.body()));
        if (s instanceof Ast.Switch w) {
            List<Ast.Case> cs = new ArrayList<>();
            for (Ast.Case c : w.cases()) cs.add(new Ast.Case(c.labels(), block(c.body()), c.breakAtEnd()));
            return new Ast.Switch(w.selector(), w.arity(), w.arrow(), w.awaitHeader(), w.strings(), List.copyOf(cs));
        }
        return s;
    }
}
