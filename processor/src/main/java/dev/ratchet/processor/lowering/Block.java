package dev.ratchet.processor.lowering;

import dev.ratchet.processor.analysis.Suspension;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.type.TypeMirror;

/**
 * A basic block: code that runs without suspending, then a {@link Terminator}. Blocks that are
 * entered from more than one place, resume an await or handle exceptions become states; the
 * others are printed inline where they are entered, so code keeps the user's structure.
 */
public final class Block {
    /** A statement of the user's code (or a lowering of one) that runs in this block. */
    public record Code(Snippet code, Set<LocalVar> uses, Set<LocalVar> defs, List<Transition> jumps) {}

    /** How a block ends. */
    public sealed interface Terminator permits Goto, Branch, Await, Jump, Switch, CatchDispatch, EndFinally, Stop {}

    /** Continue with {@code target}. */
    public record Goto(Block target) implements Terminator {}

    /** {@code if (condition) then else otherwise}. */
    public record Branch(Snippet condition, Set<LocalVar> uses, Block then, Block otherwise) implements Terminator {}

    /**
     * Start awaiting {@code future} and suspend; {@code resume} polls it and continues. The value
     * goes to {@code target} (null when discarded). For an implicit await, {@code call} is the
     * same call taken apart, for the writer to call the callee eagerly (null otherwise).
     */
    public record Await(Suspension suspension, Snippet future, Call call, Set<LocalVar> uses, Block resume, LocalVar target,
            String source) implements Terminator {}

    /**
     * An implicit await's call of {@code method}: its explicit type arguments ({@code <A, B>}, or
     * null) and its arguments, the receiver first for an instance method.
     */
    public record Call(javax.lang.model.element.ExecutableElement method, Snippet typeArguments, Snippet arguments) {}

    /** A jump (break, continue, return) at the level the lowering splits. */
    public record Jump(Transition transition) implements Terminator {}

    /** A switch whose cases contain suspension points: selects the state of the matching case. */
    public record Switch(Snippet selector, Set<LocalVar> uses, List<SwitchCase> cases, Block noMatch) implements Terminator {}

    /** One case: its labels (empty for {@code default}) and the state it enters. */
    public record SwitchCase(List<Snippet> labels, Block body) {}

    /** The entry of a split try's catches: tests the exception against each clause in order. */
    public record CatchDispatch(List<CatchClause> clauses) implements Terminator {}

    /** One catch clause: the alternatives it catches, its parameter and its body. */
    public record CatchClause(List<TypeMirror> alternatives, LocalVar parameter, Block body) {}

    /** The end of a finally: rethrow the pending exception or continue as recorded. */
    public record EndFinally(TryRegion region) implements Terminator {}

    /** Nothing follows: the last code cannot complete normally. */
    public record Stop() implements Terminator {}

    private final String label;
    private final int line;
    private final String comment;
    private final TryRegion.Handler handler;
    private final List<Code> code = new ArrayList<>();
    private Terminator terminator;
    /** Set on the block that resumes an await. */
    private Await resumes;
    private String stateName;
    /** Where entering this block really goes (jump threading skips empty pass-through blocks). */
    private Block forward = this;
    final Set<Block> predecessors = new LinkedHashSet<>();
    /** Reference fields to clear before suspending (computed by the planner). */
    final List<LocalVar> clearBeforeSuspending = new ArrayList<>();

    Block(String label, int line, String comment, TryRegion.Handler handler) {
        this.label = label;
        this.line = line;
        this.comment = comment;
        this.handler = handler;
    }

    /** What the block is, for its state name: {@code LOOP}, {@code AWAIT_RESERVE}… */
    public String label() {
        return label;
    }

    public int line() {
        return line;
    }

    /** A comment for the state: where in the user's source it resumes. */
    public String comment() {
        return comment;
    }

    /** Where exceptions thrown while running this block go (null: out of the body). */
    public TryRegion.Handler handler() {
        return handler;
    }

    public List<Code> code() {
        return code;
    }

    public Terminator terminator() {
        return terminator;
    }

    void terminate(Terminator t) {
        if (terminator != null) throw new IllegalStateException("block already terminated");
        terminator = t;
    }

    /** Replaces the blocks this block's terminator enters by {@code f} of them (jump threading). */
    void redirect(java.util.function.UnaryOperator<Block> f) {
        Terminator t = terminator;
        if (t instanceof Goto g) {
            terminator = new Goto(f.apply(g.target()));
        } else if (t instanceof Branch b) {
            terminator = new Branch(b.condition(), b.uses(), f.apply(b.then()), f.apply(b.otherwise()));
        } else if (t instanceof Switch sw) {
            List<SwitchCase> cases = new ArrayList<>();
            for (SwitchCase c : sw.cases()) cases.add(new SwitchCase(c.labels(), f.apply(c.body())));
            terminator = new Switch(sw.selector(), sw.uses(), cases, sw.noMatch() == null ? null : f.apply(sw.noMatch()));
        } else if (t instanceof CatchDispatch cd) {
            List<CatchClause> clauses = new ArrayList<>();
            for (CatchClause c : cd.clauses()) clauses.add(new CatchClause(c.alternatives(), c.parameter(), f.apply(c.body())));
            terminator = new CatchDispatch(clauses);
        }
    }

    boolean isTerminated() {
        return terminator != null;
    }

    public Await resumes() {
        return resumes;
    }

    void setResumes(Await a) {
        resumes = a;
    }

    /** The state name, or null if the block is printed inline. */
    public String stateName() {
        return stateName;
    }

    void setStateName(String name) {
        stateName = name;
    }

    /** This block, or the block it merely passes on to (set by the planner's jump threading). */
    public Block resolved() {
        return forward;
    }

    void setForward(Block b) {
        forward = b;
    }

    public boolean isState() {
        return stateName != null;
    }

    public Set<Block> predecessors() {
        return predecessors;
    }

    public List<LocalVar> clearBeforeSuspending() {
        return clearBeforeSuspending;
    }

    /** Normal successors of this block. */
    public List<Block> successors() {
        List<Block> s = new ArrayList<>();
        Terminator t = terminator;
        if (t instanceof Goto g) {
            s.add(g.target());
        } else if (t instanceof Branch b) {
            s.add(b.then());
            s.add(b.otherwise());
        } else if (t instanceof Await a) {
            s.add(a.resume());
        } else if (t instanceof Jump j) {
            if (j.transition().firstBlock() != null) s.add(j.transition().firstBlock());
        } else if (t instanceof Switch sw) {
            sw.cases().forEach(c -> s.add(c.body()));
            if (sw.noMatch() != null) s.add(sw.noMatch());
        } else if (t instanceof CatchDispatch c) {
            c.clauses().forEach(cl -> s.add(cl.body()));
        } else if (t instanceof EndFinally e) {
            s.addAll(e.region().nextTargets());
        }
        return s;
    }

    @Override
    public String toString() {
        return stateName != null ? stateName : label + "_L" + line;
    }
}
