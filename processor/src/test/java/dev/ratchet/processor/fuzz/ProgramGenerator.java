package dev.ratchet.processor.fuzz;

import dev.ratchet.processor.fuzz.Ast.Assign;
import dev.ratchet.processor.fuzz.Ast.Await;
import dev.ratchet.processor.fuzz.Ast.Block;
import dev.ratchet.processor.fuzz.Ast.CallAsync;
import dev.ratchet.processor.fuzz.Ast.Case;
import dev.ratchet.processor.fuzz.Ast.Catch;
import dev.ratchet.processor.fuzz.Ast.Decl;
import dev.ratchet.processor.fuzz.Ast.Do;
import dev.ratchet.processor.fuzz.Ast.Expr;
import dev.ratchet.processor.fuzz.Ast.ForEach;
import dev.ratchet.processor.fuzz.Ast.If;
import dev.ratchet.processor.fuzz.Ast.Jump;
import dev.ratchet.processor.fuzz.Ast.JumpKind;
import dev.ratchet.processor.fuzz.Ast.Labeled;
import dev.ratchet.processor.fuzz.Ast.Lit;
import dev.ratchet.processor.fuzz.Ast.Loop;
import dev.ratchet.processor.fuzz.Ast.LoopKind;
import dev.ratchet.processor.fuzz.Ast.Method;
import dev.ratchet.processor.fuzz.Ast.Op;
import dev.ratchet.processor.fuzz.Ast.Param;
import dev.ratchet.processor.fuzz.Ast.Program;
import dev.ratchet.processor.fuzz.Ast.Resource;
import dev.ratchet.processor.fuzz.Ast.Stmt;
import dev.ratchet.processor.fuzz.Ast.Switch;
import dev.ratchet.processor.fuzz.Ast.SwitchExpr;
import dev.ratchet.processor.fuzz.Ast.Try;
import dev.ratchet.processor.fuzz.Ast.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Generates random, valid, terminating programs of {@code @Async} methods, reproducibly from a
 * seed: {@code new ProgramGenerator(seed).generate("P1")} is always the same program.
 *
 * <p>Validity by construction: every local has a unique name and an initializer; jumps
 * ({@code return, break, continue, throw}) only end the then-block of an else-less {@code if}, so
 * no statement is ever unreachable; every method ends in a {@code return} and declares {@code
 * throws Exception}; a checked catch only follows a try that can throw it ({@code
 * Fx.maybeThrow}). Termination: loops count with a counter only their header touches (at most
 * {@value #MAX_TRIPS} trips), methods only call methods after them, and the estimated work of a
 * method (statements times enclosing trip counts, plus its callees) stays under {@code maxCost}.
 * No undefined-looking arithmetic: divisors are {@code (x | 1)}, indexes are {@code floorMod}'ed
 * into non-empty arrays and lists, strings are capped ({@link Fx#cap}).
 *
 * <p>Awaits appear only where the processor supports them today (whole statements, initializers,
 * assignments to locals, {@code return}, {@code throw} and statement headers); {@link
 * Config#awaitInExpressions} also puts them inside expressions, for when the processor supports
 * that.
 */
final class ProgramGenerator {
    static final int MAX_TRIPS = 4;

    /**
     * Shapes of the processor's open fuzzer findings, each disabled in {@code FuzzRegressionTest}:
     * {@link Config#withoutKnownBugs()} leaves them out, so the default build guards the rest.
     * Remove an entry once its test passes.
     */
    enum KnownBug {
        // None open: the two findings so far (a finally that cannot complete normally; existing
        // variables as neighbouring resources) are fixed and pinned in FuzzRegressionTest.
    }

    /** Knobs; {@link #DEFAULT} (every shape) is what campaigns use. */
    record Config(boolean awaitInExpressions, java.util.Set<KnownBug> avoid, int maxMethods, int maxStatements, int maxDepth,
            int maxCost) {
        static final Config DEFAULT = new Config(false, java.util.Set.of(), 4, 26, 4, 400);

        Config withAwaitInExpressions(boolean on) {
            return new Config(on, avoid, maxMethods, maxStatements, maxDepth, maxCost);
        }

        /** Without the shapes of the processor's open fuzzer findings: for the default build. */
        Config withoutKnownBugs() {
            return new Config(awaitInExpressions, java.util.EnumSet.allOf(KnownBug.class), maxMethods, maxStatements, maxDepth,
                    maxCost);
        }

        boolean allows(KnownBug bug) {
            return !avoid.contains(bug);
        }
    }

    private static final String[] UNCHECKED = {
        "Fx.Boom", "IllegalStateException", "ArithmeticException", "IndexOutOfBoundsException",
        "java.util.ConcurrentModificationException"
    };
    private static final String[] PRINTABLE_NAMES = {"INT", "LONG", "DOUBLE", "BOOLEAN", "STRING", "INT_LIST"};

    /**
     * Names the generated state machine might use itself (fields, locals of poll, the receiver):
     * user locals, parameters and catch parameters get them now and then, to catch clashes.
     */
    static final List<String> RISKY_LOCALS = List.of("cx", "self", "state", "result", "ready", "token", "thrown", "t",
            "value", "future", "awaited", "polls", "next", "machine", "pending", "done", "entry", "cancelled");
    /** Method names the generated companion or state machine might use itself. */
    static final List<String> RISKY_METHODS = List.of("poll", "cancel", "resume", "run", "get", "awaitOn", "pollAwaited",
            "call", "apply", "start", "complete", "beginPoll", "mustSuspend", "awaited", "polled", "failed",
            "sourceFrame", "currentFrame", "suspendedAt", "awaiting");

    private final Random rnd;
    private final Config config;
    private int names;
    private List<Method> methods;
    private int[] costs;

    ProgramGenerator(long seed) {
        this(seed, Config.DEFAULT);
    }

    ProgramGenerator(long seed, Config config) {
        this.rnd = new Random(seed);
        this.config = config;
    }

    /** The next program, named {@code className}. */
    Program generate(String className) {
        names = 0;
        int n = 1 + rnd.nextInt(config.maxMethods());
        List<Method> sigs = new ArrayList<>();
        List<String> methodNames = new ArrayList<>(RISKY_METHODS);
        Collections.shuffle(methodNames, rnd);
        boolean rootStatic = rnd.nextInt(3) == 0;
        for (int i = 0; i < n; i++) {
            boolean isStatic = i == 0 ? rootStatic : rnd.nextInt(3) == 0;
            Ty ret = Ty.RETURNS[rnd.nextInt(Ty.RETURNS.length)];
            List<Param> params = new ArrayList<>();
            int count = rnd.nextInt(i == 0 ? 3 : 4);
            for (int p = 0; p < count; p++) {
                Ty t = i == 0 ? (rnd.nextBoolean() ? Ty.INT : Ty.STRING) : Ty.VALUES[rnd.nextInt(Ty.VALUES.length)];
                String pname = "p" + p;
                if (chance(4)) {
                    String risky = RISKY_LOCALS.get(rnd.nextInt(RISKY_LOCALS.size()));
                    if (params.stream().noneMatch(x -> x.name().equals(risky))) pname = risky;
                }
                params.add(new Param(t, pname, t == Ty.INT_ARRAY && p == count - 1 && chance(2)));
            }
            String mname = chance(4) ? methodNames.remove(0) : "m" + i;
            sigs.add(new Method(mname, isStatic, ret, List.copyOf(params), null));
        }
        methods = new ArrayList<>(sigs);
        costs = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            MethodGen g = new MethodGen(i, sigs.get(i));
            Method m = sigs.get(i);
            methods.set(i, new Method(m.name(), m.isStatic(), m.ret(), m.params(), g.body()));
            costs[i] = g.cost;
        }
        List<Object> args = new ArrayList<>();
        for (Param p : sigs.get(0).params()) {
            args.add(p.ty() == Ty.INT ? (Object) (rnd.nextInt(21) - 5) : word());
        }
        String member = chance(4) ? "Holder" : null;
        boolean isEnum = chance(6);
        return new Program(className, member, isEnum, List.copyOf(methods), List.copyOf(args));
    }

    private String word() {
        String[] words = {"", "a", "ab", "xyz", "fuzz", "ratchet"};
        return words[rnd.nextInt(words.length)];
    }

    private String name(String prefix) {
        return prefix + (++names);
    }

    private boolean chance(int oneIn) {
        return rnd.nextInt(oneIn) == 0;
    }

    private <T> T pick(List<T> xs) {
        return xs.get(rnd.nextInt(xs.size()));
    }

    static Lit literal(Ty t, Random rnd) {
        return switch (t) {
            case INT -> new Lit(t, String.valueOf(rnd.nextInt(24) - 4));
            case LONG -> new Lit(t, (rnd.nextInt(40) - 8) + "L");
            case DOUBLE -> new Lit(t, (rnd.nextInt(9) - 2) + ".5");
            case BOOLEAN -> new Lit(t, String.valueOf(rnd.nextBoolean()));
            case STRING -> new Lit(t, "\"" + new String[] {"", "a", "bc", "q r", "zz"}[rnd.nextInt(5)] + "\"");
            case INT_ARRAY -> new Lit(t, "new int[] {" + rnd.nextInt(5) + ", " + (rnd.nextInt(9) - 3) + "}");
            case INT_LIST -> new Lit(t, "Fx.list(" + rnd.nextInt(5) + ")");
            case VOID -> throw new IllegalArgumentException("no literal of void");
        };
    }

    /** Generates one method body; knows the scope, the enclosing jump targets and the cost. */
    private final class MethodGen {
        private final int index;
        private final Method sig;
        private final Deque<List<Var>> scopes = new ArrayDeque<>();
        /** Enclosing labels, innermost first; {@code loop} says whether continue may target it. */
        private final Deque<Target> targets = new ArrayDeque<>();
        /** Enclosing catch parameters (may be rethrown). */
        private final Deque<String> catchVars = new ArrayDeque<>();
        private int loops;
        private int breakables;
        private int loopFactor = 1;
        private int statements;
        int cost;

        private record Target(String label, boolean loop) {}

        MethodGen(int index, Method sig) {
            this.index = index;
            this.sig = sig;
        }

        Block body() {
            scopes.push(new ArrayList<>());
            for (Param p : sig.params()) {
                scopes.peek().add(new Var(p.ty(), p.name()));
                used.add(p.name());
            }
            List<Stmt> stmts = new ArrayList<>();
            int n = 2 + rnd.nextInt(5);
            for (int i = 0; i < n && statements < config.maxStatements(); i++) stmts.add(stmt(0));
            if (chance(6)) {
                // A finally that cannot complete normally ends the method (JLS 14.20.2): no return after it.
                stmts.add(abruptFinally(0, new Jump(JumpKind.RETURN, null, sig.ret() == Ty.VOID ? null : rhs(sig.ret()))));
            } else if (sig.ret() != Ty.VOID) {
                stmts.add(new Jump(JumpKind.RETURN, null, rhs(sig.ret())));
            }
            scopes.pop();
            return Block.of(stmts);
        }

        // ---------------------------------------------------------------- scope

        private List<Var> visible(Ty t) {
            List<Var> out = new ArrayList<>();
            for (List<Var> s : scopes) for (Var v : s) if (v.ty() == t) out.add(v);
            if (t == Ty.INT && !sig.isStatic() && chance(4)) out.add(new Var(Ty.INT, "acc"));
            return out;
        }

        /** Locals and parameters that may be assigned (loop counters and loop variables are not in this list). */
        private final List<String> readOnly = new ArrayList<>();

        private List<Var> assignable(Ty t) {
            List<Var> out = new ArrayList<>();
            for (Var v : visible(t)) if (!readOnly.contains(v.name())) out.add(v);
            return out;
        }

        private void declare(Var v, boolean assignable) {
            scopes.peek().add(v);
            if (!assignable) readOnly.add(v.name());
        }

        private Block block(int depth, int min, int max) {
            return block(depth, min, max, List.of());
        }

        private Block block(int depth, int min, int max, List<Var> extra) {
            scopes.push(new ArrayList<>());
            for (Var v : extra) declare(v, false);
            List<Stmt> stmts = new ArrayList<>();
            int n = min + rnd.nextInt(max - min + 1);
            for (int i = 0; i < n && (i < min || statements < config.maxStatements()); i++) stmts.add(stmt(depth));
            scopes.pop();
            return Block.of(stmts);
        }

        // ---------------------------------------------------------------- statements

        private Stmt stmt(int depth) {
            statements++;
            cost += loopFactor;
            boolean compound = depth < config.maxDepth() && statements < config.maxStatements() - 2;
            for (;;) {
                int roll = rnd.nextInt(compound ? 100 : 55);
                if (roll < 10) return decl();
                if (roll < 18) {
                    Stmt s = assign();
                    if (s != null) return s;
                    continue;
                }
                if (roll < 28) return log();
                if (roll < 36) {
                    Ty t = Ty.VALUES[rnd.nextInt(Ty.VALUES.length)];
                    return new Do(new Await(t, expr(t, 2)));
                }
                if (roll < 44) {
                    CallAsync c = call(null);
                    if (c != null) return new Do(c);
                    continue;
                }
                if (roll < 48) {
                    List<Var> lists = visible(Ty.INT_LIST);
                    if (lists.isEmpty()) continue;
                    return new Do(new Op(Ty.BOOLEAN, "%1$s.add(%2$s)", List.of(pick(lists), expr(Ty.INT, 1))));
                }
                if (roll < 52) {
                    List<Var> arrays = visible(Ty.INT_ARRAY);
                    if (arrays.isEmpty()) continue;
                    Expr cell = new Op(Ty.INT, "%1$s[Math.floorMod(%2$s, %1$s.length)]", List.of(pick(arrays), expr(Ty.INT, 1)));
                    return new Assign(cell, "=", expr(Ty.INT, 2));
                }
                if (roll < 55) {
                    Stmt j = ifJump(depth);
                    if (j != null) return j;
                    continue;
                }
                if (roll < 65) return ifElse(depth);
                if (roll < 73) return loop(depth);
                if (roll < 77) return forEach(depth);
                if (roll < 83) return switchStatement(depth);
                if (roll < 95) return tryStatement(depth);
                if (roll < 98) {
                    Stmt j = ifJump(depth);
                    if (j != null) return j;
                    continue;
                }
                return labeled(depth);
            }
        }

        /** Names used in this method: a risky name is used at most once (Java forbids shadowing locals). */
        private final java.util.Set<String> used = new java.util.HashSet<>();

        private String localName(String prefix) {
            if (chance(6)) {
                String risky = RISKY_LOCALS.get(rnd.nextInt(RISKY_LOCALS.size()));
                if (used.add(risky)) return risky;
            }
            return name(prefix);
        }

        private Stmt decl() {
            Ty t = Ty.VALUES[rnd.nextInt(Ty.VALUES.length)];
            Expr init = rhs(t);
            Var v = new Var(t, localName("v"));
            declare(v, true);
            // `var` of Fx.list(..) would be ArrayList, of await(..) a boxed type: then `(int) v` does not compile.
            // So would a switch expression with an await arm (javac types `switch (..) { case 0 ->
            // await(a); default -> await(b); }` Long: seed 20261129 #18217); tested after chance(5) to
            // draw the same random numbers as before, so other programs of a seed stay the same.
            boolean inferred = t != Ty.INT_LIST && !(init instanceof Await) && chance(5) && !boxed(init);
            return new Decl(t, v.name(), init, inferred);
        }

        /**
         * Whether {@code e}'s static type may be boxed: an await, a switch expression with an await
         * arm, or a conditional with one (both arms awaits make it {@code Double}, not {@code
         * double}: seed 20261211 #9064).
         */
        private static boolean boxed(Expr e) {
            return e instanceof Await
                    || e instanceof SwitchExpr s && s.arms().stream().anyMatch(MethodGen::boxed)
                    || e instanceof Op o && o.template().startsWith("(%1$s ? ") && o.args().stream().skip(1).anyMatch(MethodGen::boxed);
        }

        private Stmt assign() {
            Ty t = Ty.VALUES[rnd.nextInt(Ty.VALUES.length)];
            List<Var> targets = assignable(t);
            if (targets.isEmpty()) return null;
            Var target = pick(targets);
            if (t.numeric() && chance(3)) {
                String op = new String[] {"+=", "-=", "*="}[rnd.nextInt(3)];
                return new Assign(target, op, expr(t, 2));
            }
            return new Assign(target, "=", rhs(t));
        }

        /** A value at statement level: an await or an implicit await may stand here. */
        private Expr rhs(Ty t) {
            int roll = rnd.nextInt(10);
            if (roll < 2) return new Await(t, capped(t, expr(t, 2)));
            if (roll < 4) {
                CallAsync c = call(t);
                if (c != null) return c;
            }
            return capped(t, expr(t, 2));
        }

        private Expr capped(Ty t, Expr e) {
            return t == Ty.STRING && !(e instanceof Lit) ? new Op(Ty.STRING, "Fx.cap(%1$s)", List.of(e)) : e;
        }

        private Stmt log() {
            Ty t = Ty.valueOf(PRINTABLE_NAMES[rnd.nextInt(PRINTABLE_NAMES.length)]);
            return logOf("\"" + name("s") + " \"", expr(t, 2));
        }

        private Stmt logOf(String prefixLiteral, Expr value) {
            Expr text = new Op(Ty.STRING, "(" + prefixLiteral.replace("%", "%%") + " + %1$s)", List.of(value));
            return new Do(new Op(Ty.VOID, "Fx.log(%1$s)", List.of(text)));
        }

        /** A call of a later method returning {@code ret} (any non-void... or any, when null). */
        private CallAsync call(Ty ret) {
            List<Integer> callees = new ArrayList<>();
            for (int j = index + 1; j < methods.size(); j++) {
                Method m = methods.get(j);
                if (sig.isStatic() && !m.isStatic()) continue;
                if (ret != null && m.ret() != ret) continue;
                if (cost + loopFactor * costs[j] > config.maxCost()) continue;
                callees.add(j);
            }
            if (callees.isEmpty()) return null;
            int j = pick(callees);
            Method m = methods.get(j);
            cost += loopFactor * costs[j];
            List<Expr> args = new ArrayList<>();
            for (Param p : m.params()) args.add(expr(p.ty(), 2));
            return new CallAsync(m.ret(), m.name(), args);
        }

        private Expr condition() {
            int roll = rnd.nextInt(10);
            if (roll < 2) return new Await(Ty.BOOLEAN, expr(Ty.BOOLEAN, 2));
            if (roll < 3) return new Op(Ty.BOOLEAN, "!%1$s", List.of(new Await(Ty.BOOLEAN, expr(Ty.BOOLEAN, 2))));
            return expr(Ty.BOOLEAN, 3);
        }

        private Stmt ifElse(int depth) {
            Expr cond = condition();
            Block then = block(depth + 1, 1, 3);
            Block otherwise = chance(2) ? block(depth + 1, 1, 3) : null;
            return new If(cond, then, otherwise);
        }

        /** {@code if (cond) { ...; jump }}: the only place a jump is generated. */
        private Stmt ifJump(int depth) {
            Jump jump = jump();
            if (jump == null) return null;
            Expr cond = expr(Ty.BOOLEAN, 2);
            Block before = block(depth + 1, 0, 1);
            List<Stmt> stmts = new ArrayList<>(before.stmts());
            stmts.add(chance(4) ? abruptFinally(depth + 1, jump) : jump);
            return new If(cond, Block.of(stmts), null);
        }

        /**
         * {@code try { ... } [catch ...] finally { ...; jump }}: the finally discards whatever the
         * try did (a return value, an exception) — SPEC.md: cancellation still wins.
         */
        private Stmt abruptFinally(int depth, Jump jump) {
            Block body = block(depth + 1, 1, 3);
            List<Catch> catches = new ArrayList<>();
            if (chance(2)) catches.add(catchClause(depth, List.of(chance(2) ? "RuntimeException" : "Exception")));
            List<Stmt> fin = new ArrayList<>(block(depth + 1, 0, 2).stmts());
            fin.add(jump);
            return new Try(List.of(), body, List.copyOf(catches), Block.of(fin));
        }

        private Jump jump() {
            List<JumpKind> kinds = new ArrayList<>(List.of(JumpKind.RETURN, JumpKind.THROW, JumpKind.THROW));
            List<Target> loopTargets = targets.stream().filter(Target::loop).toList();
            if (breakables > 0 || !targets.isEmpty()) Collections.addAll(kinds, JumpKind.BREAK, JumpKind.BREAK);
            if (loops > 0) Collections.addAll(kinds, JumpKind.CONTINUE, JumpKind.CONTINUE);
            JumpKind kind = pick(kinds);
            switch (kind) {
                case RETURN:
                    return new Jump(kind, null, sig.ret() == Ty.VOID ? null : rhs(sig.ret()));
                case THROW:
                    return new Jump(kind, null, exception());
                case BREAK: {
                    String label = null;
                    if (!targets.isEmpty() && (breakables == 0 || chance(2))) label = pick(List.copyOf(targets)).label();
                    return new Jump(kind, label, null);
                }
                default: {
                    String label = !loopTargets.isEmpty() && chance(2) ? pick(loopTargets).label() : null;
                    return new Jump(kind, label, null);
                }
            }
        }

        private Expr exception() {
            if (!catchVars.isEmpty() && chance(4)) return new Var(Ty.VOID, catchVars.peek());
            String id = name("t");
            String type = new String[] {"Fx.Boom", "Fx.Checked", "IllegalStateException", "ArithmeticException"}[rnd.nextInt(4)];
            Expr e = new Lit(Ty.VOID, "new " + type + "(\"" + id + "\")");
            return chance(4) ? new Await(Ty.VOID, e) : e;
        }

        private Stmt loop(int depth) {
            LoopKind kind = LoopKind.values()[rnd.nextInt(3)];
            String label = chance(3) ? name("L") : null;
            String counter = name("i");
            int trips = rnd.nextInt(MAX_TRIPS + 1);
            boolean awaitHeader = kind != LoopKind.FOR && chance(3);
            if (kind != LoopKind.FOR) declare(new Var(Ty.INT, counter), false);
            Block body = inLoop(label, Math.max(1, trips), () -> block(depth + 1, 1, 3,
                    kind == LoopKind.FOR ? List.of(new Var(Ty.INT, counter)) : List.of()));
            return new Loop(kind, label, counter, trips, awaitHeader, body);
        }

        private Stmt forEach(int depth) {
            Ty t = chance(2) ? Ty.INT_ARRAY : Ty.INT_LIST;
            List<Var> vars = visible(t);
            Expr iterable = vars.isEmpty() || chance(3) ? literal(t, rnd) : pick(vars);
            String label = chance(3) ? name("L") : null;
            String var = name("x");
            boolean awaitHeader = chance(3);
            Block body = inLoop(label, MAX_TRIPS, () -> block(depth + 1, 1, 3, List.of(new Var(Ty.INT, var))));
            return new ForEach(label, var, iterable, awaitHeader, body);
        }

        private Block inLoop(String label, int trips, java.util.function.Supplier<Block> body) {
            if (label != null) targets.push(new Target(label, true));
            loops++;
            breakables++;
            int saved = loopFactor;
            loopFactor *= trips;
            try {
                return body.get();
            } finally {
                loopFactor = saved;
                loops--;
                breakables--;
                if (label != null) targets.pop();
            }
        }

        private Stmt switchStatement(int depth) {
            int arity = 2 + rnd.nextInt(3);
            boolean strings = chance(3);
            boolean arrow = chance(2);
            boolean awaitHeader = chance(4);
            Expr selector = expr(Ty.INT, 2);
            List<Integer> labels = new ArrayList<>();
            for (int i = 0; i < arity; i++) if (!chance(4)) labels.add(i);
            Collections.shuffle(labels, rnd);
            List<Case> cases = new ArrayList<>();
            breakables++;
            int i = 0;
            while (i < labels.size()) {
                int size = 1 + (chance(3) ? 1 : 0);
                List<Integer> group = List.copyOf(labels.subList(i, Math.min(labels.size(), i + size)));
                i += group.size();
                cases.add(new Case(group, block(depth + 1, 1, 2), !chance(4)));
            }
            if (cases.isEmpty() || chance(2)) cases.add(new Case(List.of(), block(depth + 1, 1, 2), true));
            breakables--;
            return new Switch(selector, arity, arrow, awaitHeader, strings, List.copyOf(cases));
        }

        private Stmt tryStatement(int depth) {
            List<Resource> resources = new ArrayList<>();
            if (chance(3)) {
                int n = 1 + rnd.nextInt(2);
                for (int r = 0; r < n; r++) {
                    String name = name("r");
                    Expr init = new Lit(Ty.VOID, "new Fx.Res(\"" + name + "\", " + chance(4) + ")");
                    boolean existing = chance(4);
                    resources.add(new Resource(name, chance(3) ? new Await(Ty.VOID, init) : init, existing));
                }
            }
            Block body = block(depth + 1, 1, 4);
            List<Catch> catches = new ArrayList<>();
            int shape = rnd.nextInt(3); // 0: catch, 1: finally, 2: both
            if (shape != 1 || resources.isEmpty() && chance(3)) {
                boolean checked = chance(3);
                if (checked) {
                    List<Stmt> stmts = new ArrayList<>(body.stmts());
                    stmts.add(rnd.nextInt(stmts.size() + 1), new Do(new Op(Ty.VOID, "Fx.maybeThrow(%1$s, \"" + name("k") + "\")",
                            List.of(expr(Ty.BOOLEAN, 2)))));
                    body = Block.of(stmts);
                }
                for (List<String> types : catchTypes(checked)) catches.add(catchClause(depth, types));
            }
            Block fin = null;
            if (shape != 0 || (catches.isEmpty() && resources.isEmpty())) {
                fin = block(depth + 1, 1, 3);
            }
            return new Try(List.copyOf(resources), body, List.copyOf(catches), fin);
        }

        /** Catch clauses from specific to general, never a subtype after its supertype. */
        private List<List<String>> catchTypes(boolean checked) {
            List<List<String>> out = new ArrayList<>();
            List<String> unchecked = new ArrayList<>(List.of(UNCHECKED));
            Collections.shuffle(unchecked, rnd);
            if (chance(2)) out.add(List.of(unchecked.get(0)));
            if (chance(3)) out.add(List.of(unchecked.get(1), unchecked.get(2)));
            if (checked) out.add(List.of(chance(2) ? "Fx.Checked" : "IoException"));
            if (out.isEmpty() || chance(2)) out.add(List.of(chance(2) ? "RuntimeException" : "Exception"));
            return out;
        }

        private Catch catchClause(int depth, List<String> types) {
            String var = localName("e");
            catchVars.push(var);
            Block body = block(depth + 1, 0, 2);
            catchVars.pop();
            List<Stmt> stmts = new ArrayList<>();
            stmts.add(logOf("\"" + name("c") + " \"", new Op(Ty.STRING, "Fx.describe(%1$s)", List.of(new Var(Ty.VOID, var)))));
            stmts.addAll(body.stmts());
            return new Catch(types, var, Block.of(stmts));
        }

        private Stmt labeled(int depth) {
            String label = name("B");
            targets.push(new Target(label, false));
            Block body = block(depth + 1, 1, 3);
            targets.pop();
            return new Labeled(label, body);
        }

        // ---------------------------------------------------------------- expressions

        private Expr expr(Ty t, int depth) {
            if (config.awaitInExpressions() && depth > 0 && chance(8)) {
                if (chance(3)) {
                    CallAsync c = call(t);
                    if (c != null) return c;
                }
                return new Await(t, expr(t, depth - 1));
            }
            if (depth <= 0 || chance(3)) return leaf(t);
            int d = depth - 1;
            if (chance(12)) return new Op(t, "(%1$s ? %2$s : %3$s)", List.of(expr(Ty.BOOLEAN, d), expr(t, d), expr(t, d)));
            if (t != Ty.INT_ARRAY && t != Ty.INT_LIST && chance(14)) {
                int arms = 2 + rnd.nextInt(2);
                List<Expr> es = new ArrayList<>();
                for (int i = 0; i < arms; i++) es.add(expr(t, d));
                return new SwitchExpr(t, name("w"), expr(Ty.INT, d), es, chance(2));
            }
            switch (t) {
                case INT: {
                    switch (rnd.nextInt(13)) {
                        case 12: return op(t, "Fx.tap(%1$s)", expr(Ty.INT, d));
                        case 0: return op(t, "(%1$s + %2$s)", expr(Ty.INT, d), expr(Ty.INT, d));
                        case 1: return op(t, "(%1$s - %2$s)", expr(Ty.INT, d), expr(Ty.INT, d));
                        case 2: return op(t, "(%1$s * %2$s)", expr(Ty.INT, d), expr(Ty.INT, d));
                        case 3: return op(t, "(%1$s / (%2$s | 1))", expr(Ty.INT, d), expr(Ty.INT, d));
                        case 4: return op(t, "(%1$s %% (%2$s | 1))", expr(Ty.INT, d), expr(Ty.INT, d));
                        case 5: return op(t, "%1$s.length()", expr(Ty.STRING, d));
                        case 6: return op(t, "(int) %1$s", unboxed(Ty.LONG, d));
                        case 7: return op(t, "(int) %1$s", unboxed(Ty.DOUBLE, d));
                        case 8: {
                            List<Var> arrays = visible(Ty.INT_ARRAY);
                            if (arrays.isEmpty()) return op(t, "%1$s.length", expr(Ty.INT_ARRAY, d));
                            return op(t, "%1$s[Math.floorMod(%2$s, %1$s.length)]", pick(arrays), expr(Ty.INT, d));
                        }
                        case 9: {
                            List<Var> lists = visible(Ty.INT_LIST);
                            if (lists.isEmpty()) return op(t, "%1$s.size()", expr(Ty.INT_LIST, d));
                            return op(t, "%1$s.get(Math.floorMod(%2$s, %1$s.size()))", pick(lists), expr(Ty.INT, d));
                        }
                        case 10: return op(t, "Math.floorMod(%1$s, 5)", expr(Ty.INT, d));
                        default: return op(t, "Math.max(%1$s, %2$s)", expr(Ty.INT, d), expr(Ty.INT, d));
                    }
                }
                case LONG: {
                    switch (rnd.nextInt(4)) {
                        case 0: return op(t, "(%1$s + %2$s)", expr(Ty.LONG, d), expr(Ty.LONG, d));
                        case 1: return op(t, "(%1$s * %2$s)", expr(Ty.LONG, d), expr(Ty.LONG, d));
                        case 2: return op(t, "(%1$s - %2$s)", expr(Ty.LONG, d), expr(Ty.INT, d));
                        default: return op(t, "(long) %1$s", expr(Ty.INT, d));
                    }
                }
                case DOUBLE: {
                    switch (rnd.nextInt(4)) {
                        case 0: return op(t, "(%1$s + %2$s)", expr(Ty.DOUBLE, d), expr(Ty.DOUBLE, d));
                        case 1: return op(t, "(%1$s * %2$s)", expr(Ty.DOUBLE, d), expr(Ty.INT, d));
                        case 2: return op(t, "(%1$s / %2$s)", expr(Ty.DOUBLE, d), expr(Ty.DOUBLE, d));
                        default: return op(t, "(double) %1$s", expr(Ty.INT, d));
                    }
                }
                case BOOLEAN: {
                    switch (rnd.nextInt(9)) {
                        case 0: return op(t, "(%1$s < %2$s)", expr(Ty.INT, d), expr(Ty.INT, d));
                        case 1: return op(t, "(%1$s == %2$s)", expr(Ty.INT, d), expr(Ty.INT, d));
                        case 2: return op(t, "(%1$s >= %2$s)", expr(Ty.LONG, d), expr(Ty.LONG, d));
                        case 3: return op(t, "(%1$s && %2$s)", expr(Ty.BOOLEAN, d), expr(Ty.BOOLEAN, d));
                        case 4: return op(t, "(%1$s || %2$s)", expr(Ty.BOOLEAN, d), expr(Ty.BOOLEAN, d));
                        case 5: return op(t, "(!%1$s)", expr(Ty.BOOLEAN, d));
                        case 6: return op(t, "%1$s.isEmpty()", expr(Ty.STRING, d));
                        case 7: return op(t, "%1$s.equals(%2$s)", expr(Ty.STRING, d), expr(Ty.STRING, d));
                        default: return op(t, "%1$s.contains(%2$s)", expr(Ty.INT_LIST, d), expr(Ty.INT, d));
                    }
                }
                case STRING: {
                    switch (rnd.nextInt(6)) {
                        case 0:
                        case 1: {
                            Ty other = Ty.valueOf(PRINTABLE_NAMES[rnd.nextInt(PRINTABLE_NAMES.length)]);
                            return op(t, "(%1$s + %2$s)", expr(Ty.STRING, d), expr(other, d));
                        }
                        case 2: return op(t, "String.valueOf(%1$s)", expr(Ty.LONG, d));
                        case 3: return op(t, "%1$s.toUpperCase()", expr(Ty.STRING, d));
                        case 4: return op(t, "java.util.Arrays.toString(%1$s)", expr(Ty.INT_ARRAY, d));
                        default: return op(t, "%1$s.toString()", expr(Ty.INT_LIST, d));
                    }
                }
                case INT_ARRAY: {
                    if (chance(2)) return op(t, "new int[] {%1$s, %2$s}", expr(Ty.INT, d), expr(Ty.INT, d));
                    return op(t, "new int[] {%1$s}", expr(Ty.INT, d));
                }
                case INT_LIST:
                default:
                    return op(t, "Fx.list(%1$s, %2$s)", expr(Ty.INT, d), expr(Ty.INT, d));
            }
        }

        /**
         * An operand of a narrowing cast: never an await itself, whose type is boxed ({@code (int)}
         * of a {@code Long} does not compile).
         */
        private Expr unboxed(Ty t, int depth) {
            Expr e = expr(t, depth);
            return e instanceof Await || e instanceof CallAsync ? new Op(t, "(%1$s + 0)", List.of(e)) : e;
        }

        private Expr op(Ty t, String template, Expr... args) {
            return new Op(t, template, List.of(args));
        }

        private Expr leaf(Ty t) {
            List<Var> vars = visible(t);
            if (!vars.isEmpty() && !chance(3)) return pick(vars);
            return literal(t, rnd);
        }
    }
}
