package dev.ratchet.processor.fuzz;

import java.util.List;

/**
 * The generated program as a tree: small enough to print as Java (twice: {@code @Async} and its
 * synchronous twin) and to rewrite while shrinking. Nodes are immutable records; a rewrite builds
 * new nodes.
 */
final class Ast {
    private Ast() {}

    /** An expression of a known type. */
    sealed interface Expr permits Lit, Var, Op, Await, CallAsync, SwitchExpr {
        Ty ty();

        /** Direct subexpressions, in evaluation order. */
        List<Expr> children();

        /** This node with its children replaced (same count). */
        Expr withChildren(List<Expr> children);
    }

    /** A literal (already valid Java text). */
    record Lit(Ty ty, String text) implements Expr {
        public List<Expr> children() {
            return List.of();
        }

        public Expr withChildren(List<Expr> c) {
            return this;
        }
    }

    /** A local, parameter or field. */
    record Var(Ty ty, String name) implements Expr {
        public List<Expr> children() {
            return List.of();
        }

        public Expr withChildren(List<Expr> c) {
            return this;
        }
    }

    /**
     * An operator or library call, printed by {@code String.format(template, args...)}: e.g.
     * {@code "(%1$s + %2$s)"} or {@code "Math.floorMod(%1$s, %2$s)"}.
     */
    record Op(Ty ty, String template, List<Expr> args) implements Expr {
        public List<Expr> children() {
            return args;
        }

        public Expr withChildren(List<Expr> c) {
            return new Op(ty, template, c);
        }
    }

    /** {@code await(Fx.io(inner))}: a test future completing with {@code inner}'s value. */
    record Await(Ty ty, Expr inner) implements Expr {
        public List<Expr> children() {
            return List.of(inner);
        }

        public Expr withChildren(List<Expr> c) {
            return new Await(ty, c.get(0));
        }
    }

    /** A direct call of another generated {@code @Async} method: an implicit await. */
    record CallAsync(Ty ty, String method, List<Expr> args) implements Expr {
        public List<Expr> children() {
            return args;
        }

        public Expr withChildren(List<Expr> c) {
            return new CallAsync(ty, method, c);
        }
    }

    /**
     * {@code switch (Math.floorMod(selector, arms.size())) { case i -> arms[i]; ... }}, the last
     * arm being {@code default}; with {@code logging} each arm is a block that logs then yields.
     */
    record SwitchExpr(Ty ty, String id, Expr selector, List<Expr> arms, boolean logging) implements Expr {
        public List<Expr> children() {
            List<Expr> all = new java.util.ArrayList<>();
            all.add(selector);
            all.addAll(arms);
            return all;
        }

        public Expr withChildren(List<Expr> c) {
            return new SwitchExpr(ty, id, c.get(0), c.subList(1, c.size()), logging);
        }
    }

    /** A statement. */
    sealed interface Stmt permits Decl, Assign, Do, If, Jump, Loop, ForEach, Switch, Try, Labeled {}

    record Block(List<Stmt> stmts) {
        static Block of(List<Stmt> stmts) {
            return new Block(List.copyOf(stmts));
        }
    }

    /** {@code ty name = init;}, or {@code var name = init;} when {@code inferred}. */
    record Decl(Ty ty, String name, Expr init, boolean inferred) implements Stmt {}

    /** {@code target op value;} with {@code op} one of {@code =, +=, -=, *=}. */
    record Assign(Expr target, String op, Expr value) implements Stmt {}

    /** An expression statement: a log, an await, a call, {@code list.add(..)}. */
    record Do(Expr expr) implements Stmt {}

    record If(Expr cond, Block then, Block otherwise) implements Stmt {}

    enum JumpKind { RETURN, BREAK, CONTINUE, THROW }

    /** return/break/continue/throw; {@code label} and {@code value} may be null. */
    record Jump(JumpKind kind, String label, Expr value) implements Stmt {}

    enum LoopKind { FOR, WHILE, DO_WHILE }

    /**
     * A loop running at most {@code trips} times, counted by {@code counter} which only the loop
     * header touches (so no rewrite of the body can make it run forever).
     */
    record Loop(LoopKind kind, String label, String counter, int trips, boolean awaitHeader, Block body) implements Stmt {}

    /** {@code for (int var : iterable)} over an int[] or a List<Integer>. */
    record ForEach(String label, String var, Expr iterable, boolean awaitHeader, Block body) implements Stmt {}

    /**
     * A switch statement over {@code Math.floorMod(selector, arity)}, or with {@code strings} over
     * {@code Fx.word(selector)} with case {@code i} meaning {@code Fx.WORDS[i]}.
     */
    record Switch(Expr selector, int arity, boolean arrow, boolean awaitHeader, boolean strings, List<Case> cases) implements Stmt {}

    /** One case group: {@code labels} empty means {@code default}. */
    record Case(List<Integer> labels, Block body, boolean breakAtEnd) {}

    record Try(List<Resource> resources, Block body, List<Catch> catches, Block fin) implements Stmt {}

    /**
     * {@code Fx.Res name = init} in a try-with-resources header or, when {@code existing}, declared
     * just before the try and named in its header ({@code try (name)}, Java 9).
     */
    record Resource(String name, Expr init, boolean existing) {}

    record Catch(List<String> types, String var, Block body) {}

    /** {@code label: { body }} */
    record Labeled(String label, Block body) implements Stmt {}

    /** A parameter; {@code varargs} only on a last {@code int[]} one ({@code int... name}). */
    record Param(Ty ty, String name, boolean varargs) {}

    record Method(String name, boolean isStatic, Ty ret, List<Param> params, Block body) {}

    /**
     * A generated class: {@code methods.get(0)} is the root, run with {@code rootArgs}. With a
     * {@code member} name, the methods live in a static member class of that name (companion
     * {@code <name>_<member>Async}); {@code isEnum}: the holder is an enum whose one constant
     * {@code INSTANCE} is the receiver.
     */
    record Program(String name, String member, boolean isEnum, List<Method> methods, List<Object> rootArgs) {
        Program withName(String newName) {
            return new Program(newName, member, isEnum, methods, rootArgs);
        }

        Program withMethods(List<Method> newMethods) {
            return new Program(name, member, isEnum, List.copyOf(newMethods), rootArgs);
        }

        Method root() {
            return methods.get(0);
        }
    }
}
