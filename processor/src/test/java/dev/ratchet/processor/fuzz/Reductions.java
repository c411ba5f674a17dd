package dev.ratchet.processor.fuzz;

import dev.ratchet.processor.fuzz.Ast.Await;
import dev.ratchet.processor.fuzz.Ast.Block;
import dev.ratchet.processor.fuzz.Ast.Case;
import dev.ratchet.processor.fuzz.Ast.Catch;
import dev.ratchet.processor.fuzz.Ast.Expr;
import dev.ratchet.processor.fuzz.Ast.Lit;
import dev.ratchet.processor.fuzz.Ast.Method;
import dev.ratchet.processor.fuzz.Ast.Program;
import dev.ratchet.processor.fuzz.Ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The one-step reductions of a program, biggest first: drop a method, delete half a block or a
 * statement, unwrap
 * a compound statement into its body, drop an else, a catch, a finally, a resource, a case or an
 * awaited header, shorten a loop, replace an expression by a literal or by one of its operands.
 * Many results do not compile (a deleted declaration still used): the shrinker's validity check
 * throws those away, so this class need not know Java's rules.
 */
final class Reductions {
    private Reductions() {}

    static List<Program> of(Program p) {
        List<Program> out = unordered(p);
        // Biggest reductions first (stable: among equals, the generation order above).
        out.sort(java.util.Comparator.comparingInt(Reductions::size));
        return out;
    }

    private static List<Program> unordered(Program p) {
        List<Program> out = new ArrayList<>();
        for (int i = p.methods().size() - 1; i > 0; i--) {
            List<Method> ms = new ArrayList<>(p.methods());
            ms.remove(i);
            out.add(p.withMethods(ms));
        }
        for (int i = 0; i < p.methods().size(); i++) {
            Method m = p.methods().get(i);
            for (Block b : block(m.body())) {
                List<Method> ms = new ArrayList<>(p.methods());
                ms.set(i, new Method(m.name(), m.isStatic(), m.ret(), m.params(), b));
                out.add(p.withMethods(ms));
            }
        }
        return out;
    }

    /** Statements in a program (what the shrinker minimises). */
    static int size(Program p) {
        int n = 0;
        for (Method m : p.methods()) n += size(m.body());
        return n;
    }

    private static int size(Block b) {
        if (b == null) return 0;
        int n = 0;
        for (Stmt s : b.stmts()) {
            n++;
            for (Block sub : blocks(s)) n += size(sub);
        }
        return n;
    }

    private static List<Block> blocks(Stmt s) {
        List<Block> out = new ArrayList<>();
        if (s instanceof Ast.If i) {
            out.add(i.then());
            if (i.otherwise() != null) out.add(i.otherwise());
        } else if (s instanceof Ast.Loop l) {
            out.add(l.body());
        } else if (s instanceof Ast.ForEach f) {
            out.add(f.body());
        } else if (s instanceof Ast.Switch w) {
            for (Case c : w.cases()) out.add(c.body());
        } else if (s instanceof Ast.Try t) {
            out.add(t.body());
            for (Catch c : t.catches()) out.add(c.body());
            if (t.fin() != null) out.add(t.fin());
        } else if (s instanceof Ast.Labeled l) {
            out.add(l.body());
        }
        return out;
    }

    private static List<Block> block(Block b) {
        List<Block> out = new ArrayList<>();
        List<Stmt> stmts = b.stmts();
        int n = stmts.size();
        if (n >= 4) {
            // Halves first, as in delta debugging: long blocks shrink in a few steps.
            out.add(Block.of(stmts.subList(n / 2, n)));
            out.add(Block.of(stmts.subList(0, n / 2)));
        }
        for (int i = 0; i < n; i++) out.add(splice(stmts, i, List.of()));
        for (int i = 0; i < stmts.size(); i++) {
            for (List<Stmt> replacement : stmt(stmts.get(i))) out.add(splice(stmts, i, replacement));
        }
        return out;
    }

    private static Block splice(List<Stmt> stmts, int at, List<Stmt> replacement) {
        List<Stmt> copy = new ArrayList<>(stmts.subList(0, at));
        copy.addAll(replacement);
        copy.addAll(stmts.subList(at + 1, stmts.size()));
        return Block.of(copy);
    }

    /** Replacements of one statement by a (possibly empty or longer) list of statements. */
    private static List<List<Stmt>> stmt(Stmt s) {
        List<List<Stmt>> out = new ArrayList<>();
        for (Block sub : blocks(s)) out.add(sub.stmts()); // unwrap
        if (s instanceof Ast.If i) {
            if (i.otherwise() != null) out.add(List.of(new Ast.If(i.cond(), i.then(), null)));
            for (Expr c : expr(i.cond())) out.add(List.of(new Ast.If(c, i.then(), i.otherwise())));
            for (Block b : block(i.then())) out.add(List.of(new Ast.If(i.cond(), b, i.otherwise())));
            if (i.otherwise() != null) for (Block b : block(i.otherwise())) out.add(List.of(new Ast.If(i.cond(), i.then(), b)));
        } else if (s instanceof Ast.Loop l) {
            if (l.awaitHeader()) out.add(List.of(new Ast.Loop(l.kind(), l.label(), l.counter(), l.trips(), false, l.body())));
            if (l.trips() > 1) out.add(List.of(new Ast.Loop(l.kind(), l.label(), l.counter(), 1, l.awaitHeader(), l.body())));
            if (l.label() != null) out.add(List.of(new Ast.Loop(l.kind(), null, l.counter(), l.trips(), l.awaitHeader(), l.body())));
            for (Block b : block(l.body())) out.add(List.of(new Ast.Loop(l.kind(), l.label(), l.counter(), l.trips(), l.awaitHeader(), b)));
        } else if (s instanceof Ast.ForEach f) {
            if (f.awaitHeader()) out.add(List.of(new Ast.ForEach(f.label(), f.var(), f.iterable(), false, f.body())));
            for (Expr e : expr(f.iterable())) out.add(List.of(new Ast.ForEach(f.label(), f.var(), e, f.awaitHeader(), f.body())));
            for (Block b : block(f.body())) out.add(List.of(new Ast.ForEach(f.label(), f.var(), f.iterable(), f.awaitHeader(), b)));
        } else if (s instanceof Ast.Switch w) {
            if (w.awaitHeader()) out.add(List.of(new Ast.Switch(w.selector(), w.arity(), w.arrow(), false, w.strings(), w.cases())));
            for (int c = 0; c < w.cases().size(); c++) {
                List<Case> cases = new ArrayList<>(w.cases());
                cases.remove(c);
                out.add(List.of(new Ast.Switch(w.selector(), w.arity(), w.arrow(), w.awaitHeader(), w.strings(), List.copyOf(cases))));
            }
            for (Expr e : expr(w.selector())) out.add(List.of(new Ast.Switch(e, w.arity(), w.arrow(), w.awaitHeader(), w.strings(), w.cases())));
            for (int c = 0; c < w.cases().size(); c++) {
                Case old = w.cases().get(c);
                for (Block b : block(old.body())) {
                    List<Case> cases = new ArrayList<>(w.cases());
                    cases.set(c, new Case(old.labels(), b, old.breakAtEnd()));
                    out.add(List.of(new Ast.Switch(w.selector(), w.arity(), w.arrow(), w.awaitHeader(), w.strings(), List.copyOf(cases))));
                }
            }
        } else if (s instanceof Ast.Try t) {
            for (int r = 0; r < t.resources().size(); r++) {
                List<Ast.Resource> rs = new ArrayList<>(t.resources());
                rs.remove(r);
                out.add(List.of(new Ast.Try(List.copyOf(rs), t.body(), t.catches(), t.fin())));
            }
            for (int c = 0; c < t.catches().size(); c++) {
                List<Catch> cs = new ArrayList<>(t.catches());
                cs.remove(c);
                out.add(List.of(new Ast.Try(t.resources(), t.body(), List.copyOf(cs), t.fin())));
            }
            if (t.fin() != null) out.add(List.of(new Ast.Try(t.resources(), t.body(), t.catches(), null)));
            for (Block b : block(t.body())) out.add(List.of(new Ast.Try(t.resources(), b, t.catches(), t.fin())));
            for (int c = 0; c < t.catches().size(); c++) {
                Catch old = t.catches().get(c);
                for (Block b : block(old.body())) {
                    List<Catch> cs = new ArrayList<>(t.catches());
                    cs.set(c, new Catch(old.types(), old.var(), b));
                    out.add(List.of(new Ast.Try(t.resources(), t.body(), List.copyOf(cs), t.fin())));
                }
            }
            if (t.fin() != null) for (Block b : block(t.fin())) out.add(List.of(new Ast.Try(t.resources(), t.body(), t.catches(), b)));
        } else if (s instanceof Ast.Labeled l) {
            for (Block b : block(l.body())) out.add(List.of(new Ast.Labeled(l.label(), b)));
        } else if (s instanceof Ast.Decl d) {
            for (Expr e : expr(d.init())) out.add(List.of(new Ast.Decl(d.ty(), d.name(), e, d.inferred())));
        } else if (s instanceof Ast.Assign a) {
            for (Expr e : expr(a.value())) out.add(List.of(new Ast.Assign(a.target(), a.op(), e)));
        } else if (s instanceof Ast.Do d) {
            // Keep the statement expression itself (a literal is not a statement); simplify inside it.
            for (Expr e : inside(d.expr())) out.add(List.of(new Ast.Do(e)));
        } else if (s instanceof Ast.Jump j && j.value() != null) {
            for (Expr e : expr(j.value())) out.add(List.of(new Ast.Jump(j.kind(), j.label(), e)));
        }
        return out;
    }

    /** Simpler expressions of the same type: a literal, an operand, or a simplification inside. */
    private static List<Expr> expr(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (!(e instanceof Lit) && e.ty() != Ty.VOID) out.add(ProgramGenerator.literal(e.ty(), new Random(0)));
        for (Expr c : e.children()) if (c.ty() == e.ty()) out.add(c);
        out.addAll(inside(e));
        return out;
    }

    private static List<Expr> inside(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Await a && a.ty() == Ty.VOID) return out; // keep `throw await(..)` shapes intact
        List<Expr> children = e.children();
        for (int i = 0; i < children.size(); i++) {
            final int at = i;
            for (Expr c : expr(children.get(i))) out.add(e.withChildren(replace(children, at, x -> c)));
        }
        return out;
    }

    private static List<Expr> replace(List<Expr> xs, int at, Function<Expr, Expr> f) {
        List<Expr> copy = new ArrayList<>(xs);
        copy.set(at, f.apply(xs.get(at)));
        return copy;
    }
}
