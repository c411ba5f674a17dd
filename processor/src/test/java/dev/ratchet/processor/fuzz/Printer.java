package dev.ratchet.processor.fuzz;

import dev.ratchet.processor.fuzz.Ast.Await;
import dev.ratchet.processor.fuzz.Ast.Block;
import dev.ratchet.processor.fuzz.Ast.CallAsync;
import dev.ratchet.processor.fuzz.Ast.Expr;
import dev.ratchet.processor.fuzz.Ast.Lit;
import dev.ratchet.processor.fuzz.Ast.Method;
import dev.ratchet.processor.fuzz.Ast.Op;
import dev.ratchet.processor.fuzz.Ast.Program;
import dev.ratchet.processor.fuzz.Ast.Stmt;
import dev.ratchet.processor.fuzz.Ast.SwitchExpr;
import dev.ratchet.processor.fuzz.Ast.Var;
import java.util.stream.Collectors;

/**
 * Prints a {@link Program} as Java, in package {@code fuzz}: the {@code @Async} class, or its
 * synchronous twin {@code <Name>Sync} (no {@code @Async}, {@code await} from {@link Ref}, and each
 * callee wrapped so its caller sees cancellation as an awaiting state machine would). The bodies
 * are printed by the same code for both, so they cannot drift apart.
 */
final class Printer {
    static final String PACKAGE = "fuzz";

    private final boolean twin;
    private final StringBuilder out = new StringBuilder();
    private int indent;

    private Printer(boolean twin) {
        this.twin = twin;
    }

    static String async(Program p) {
        return new Printer(false).program(p);
    }

    static String twin(Program p) {
        return new Printer(true).program(p);
    }

    static String twinName(String name) {
        return name + "Sync";
    }

    private String program(Program p) {
        line("package " + PACKAGE + ";");
        line("");
        line(twin ? "import static dev.ratchet.processor.fuzz.Ref.await;" : "import static dev.ratchet.Futures.await;");
        line("");
        if (!twin) line("import dev.ratchet.Async;");
        line("import dev.ratchet.processor.fuzz.Fx;");
        if (twin) line("import dev.ratchet.processor.fuzz.Ref;");
        line("import dev.ratchet.processor.harness.IoException;");
        line("import java.util.ArrayList;");
        line("import java.util.List;");
        line("");
        line("@SuppressWarnings(\"all\")");
        String holder = p.isEnum() ? "enum " : "class ";
        if (p.member() != null) {
            open("class " + (twin ? twinName(p.name()) : p.name()));
            open("static " + holder + p.member());
        } else {
            open(holder + (twin ? twinName(p.name()) : p.name()));
        }
        if (p.isEnum()) line("INSTANCE;");
        line("int acc;");
        for (int i = 0; i < p.methods().size(); i++) {
            Method m = p.methods().get(i);
            line("");
            if (twin && i > 0) {
                wrapper(m);
                method(m, m.name() + "$body");
            } else {
                if (!twin) line("@Async");
                method(m, m.name());
            }
        }
        if (p.member() != null) close("");
        close("");
        return out.toString();
    }

    private String signature(Method m, String name) {
        String params = m.params().stream()
                .map(x -> (x.varargs() ? "int..." : x.ty().java) + " " + x.name())
                .collect(Collectors.joining(", "));
        return (m.isStatic() ? "static " : "") + m.ret().java + " " + name + "(" + params + ") throws Exception";
    }

    private void method(Method m, String name) {
        open(signature(m, name));
        stmts(m.body());
        close("");
    }

    /** The twin's callee: entry and exit checks of the cancellation model around the body. */
    private void wrapper(Method m) {
        String args = m.params().stream().map(Ast.Param::name).collect(Collectors.joining(", "));
        String call = m.name() + "$body(" + args + ")";
        open(signature(m, m.name()));
        line("Ref.enter();");
        if (m.ret() == Ty.VOID) {
            open("try");
            line(call + ";");
            close(" catch (Throwable $t) {");
            indent++;
            line("throw Ref.rethrow($t);");
            close("");
            line("Ref.leave();");
        } else {
            open("try");
            line("return Ref.leave(" + call + ");");
            close(" catch (Throwable $t) {");
            indent++;
            line("throw Ref.rethrow($t);");
            close("");
        }
        close("");
    }

    private void stmts(Block b) {
        for (Stmt s : b.stmts()) stmt(s);
    }

    private void stmt(Stmt s) {
        if (s instanceof Ast.Decl d) {
            line((d.inferred() ? "var" : d.ty().java) + " " + d.name() + " = " + expr(d.init()) + ";");
        } else if (s instanceof Ast.Assign a) {
            line(expr(a.target()) + " " + a.op() + " " + expr(a.value()) + ";");
        } else if (s instanceof Ast.Do d) {
            line(expr(d.expr()) + ";");
        } else if (s instanceof Ast.If i) {
            open("if (" + expr(i.cond()) + ")");
            stmts(i.then());
            if (i.otherwise() != null) {
                close(" else {");
                indent++;
                stmts(i.otherwise());
            }
            close("");
        } else if (s instanceof Ast.Jump j) {
            line(switch (j.kind()) {
                case RETURN -> j.value() == null ? "return;" : "return " + expr(j.value()) + ";";
                case THROW -> "throw " + expr(j.value()) + ";";
                case BREAK -> j.label() == null ? "break;" : "break " + j.label() + ";";
                case CONTINUE -> j.label() == null ? "continue;" : "continue " + j.label() + ";";
            });
        } else if (s instanceof Ast.Loop l) {
            loop(l);
        } else if (s instanceof Ast.ForEach f) {
            String it = f.awaitHeader() ? awaitText(expr(f.iterable())) : expr(f.iterable());
            open(label(f.label()) + "for (int " + f.var() + " : " + it + ")");
            stmts(f.body());
            close("");
        } else if (s instanceof Ast.Switch w) {
            switchStatement(w);
        } else if (s instanceof Ast.Try t) {
            tryStatement(t);
        } else if (s instanceof Ast.Labeled l) {
            open(l.label() + ":");
            stmts(l.body());
            close("");
        } else {
            throw new AssertionError(s);
        }
    }

    private static String label(String label) {
        return label == null ? "" : label + ": ";
    }

    private void loop(Ast.Loop l) {
        String c = l.counter();
        switch (l.kind()) {
            case FOR -> open(label(l.label()) + "for (int " + c + " = 0; " + c + " < " + l.trips() + "; " + c + "++)");
            case WHILE -> {
                line("int " + c + " = 0;");
                String cond = c + "++ < " + l.trips();
                open(label(l.label()) + "while (" + (l.awaitHeader() ? awaitText(cond) : cond) + ")");
            }
            case DO_WHILE -> {
                line("int " + c + " = 0;");
                open(label(l.label()) + "do");
            }
        }
        stmts(l.body());
        if (l.kind() == Ast.LoopKind.DO_WHILE) {
            String cond = "++" + c + " < " + l.trips();
            close(" while (" + (l.awaitHeader() ? awaitText(cond) : cond) + ");");
        } else {
            close("");
        }
    }

    private void switchStatement(Ast.Switch w) {
        String selector = w.strings() ? "Fx.word(" + expr(w.selector()) + ")" : "Math.floorMod(" + expr(w.selector()) + ", " + w.arity() + ")";
        open("switch (" + (w.awaitHeader() ? awaitText(selector) : selector) + ")");
        for (Ast.Case c : w.cases()) {
            if (w.arrow()) {
                String labels = c.labels().isEmpty() ? "default"
                        : "case " + c.labels().stream().map(l -> caseLabel(w, l)).collect(Collectors.joining(", "));
                open(labels + " ->");
                stmts(c.body());
                close("");
            } else {
                if (c.labels().isEmpty()) line("default:");
                for (int label : c.labels()) line("case " + caseLabel(w, label) + ":");
                indent++;
                open("");
                stmts(c.body());
                close("");
                if (c.breakAtEnd()) line("break;");
                indent--;
            }
        }
        close("");
    }

    private static String caseLabel(Ast.Switch w, int label) {
        return w.strings() ? "\"" + Fx.WORDS.get(label) + "\"" : String.valueOf(label);
    }

    private void tryStatement(Ast.Try t) {
        String header = "try";
        for (Ast.Resource r : t.resources()) {
            if (r.existing()) line("Fx.Res " + r.name() + " = " + expr(r.init()) + ";");
        }
        if (!t.resources().isEmpty()) {
            header += " (" + t.resources().stream()
                    .map(r -> r.existing() ? r.name() : "Fx.Res " + r.name() + " = " + expr(r.init()))
                    .collect(Collectors.joining("; ")) + ")";
        }
        open(header);
        stmts(t.body());
        for (Ast.Catch c : t.catches()) {
            close(" catch (" + String.join(" | ", c.types()) + " " + c.var() + ") {");
            indent++;
            stmts(c.body());
        }
        if (t.fin() != null) {
            close(" finally {");
            indent++;
            stmts(t.fin());
        }
        close("");
    }

    static String expr(Expr e) {
        if (e instanceof Lit l) return l.text();
        if (e instanceof Var v) return v.name();
        if (e instanceof Op o) return String.format(o.template(), o.args().stream().map(Printer::expr).toArray());
        if (e instanceof Await a) return awaitText(expr(a.inner()));
        if (e instanceof CallAsync c) {
            return c.method() + "(" + c.args().stream().map(Printer::expr).collect(Collectors.joining(", ")) + ")";
        }
        return switchExpr((SwitchExpr) e);
    }

    private static String switchExpr(SwitchExpr s) {
        StringBuilder sb = new StringBuilder("(switch (Math.floorMod(" + expr(s.selector()) + ", " + s.arms().size() + ")) {");
        for (int i = 0; i < s.arms().size(); i++) {
            sb.append(i == s.arms().size() - 1 ? " default -> " : " case " + i + " -> ");
            String arm = expr(s.arms().get(i));
            // `yield (` would parse as a call of a method named yield: go through a local.
            String local = s.id() + "y" + i;
            sb.append(s.logging() ? "{ Fx.log(\"" + s.id() + " arm " + i + "\"); var " + local + " = " + arm + "; yield " + local + "; }" : arm + ";");
        }
        return sb.append(" })").toString();
    }

    private static String awaitText(String inner) {
        return "await(Fx.io(" + inner + "))";
    }

    private void open(String header) {
        line(header.isEmpty() ? "{" : header + " {");
        indent++;
    }

    /** Closes a block: "}" followed by {@code rest} (" else {" and the like reopen). */
    private void close(String rest) {
        indent--;
        line("}" + rest);
    }

    private void line(String text) {
        if (text.isEmpty()) {
            out.append('\n');
            return;
        }
        out.append("    ".repeat(Math.max(0, indent))).append(text).append('\n');
    }
}
