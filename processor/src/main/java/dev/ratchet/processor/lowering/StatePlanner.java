package dev.ratchet.processor.lowering;

import com.sun.source.tree.VariableTree;
import dev.ratchet.processor.analysis.BodyIndex;
import dev.ratchet.processor.analysis.Liveness;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * Decides, on a lowered {@link StateGraph}: which blocks are states (entered from several places,
 * resuming an await, handling exceptions, targets of recorded jumps) and which are printed inline;
 * their names; which variables are fields (live across a suspension, by {@link Liveness}); which
 * reference fields to clear before each suspension (dead from there on); and every generated name.
 */
public final class StatePlanner {
    /** Names of the generated members, allocated so they clash with nothing in the body. */
    public record InternalNames(String self, String state, String stateType, String cx, String ready, String caught,
            String exception, String result, String dispatch, String thrown, String entered, Eager eager) {}

    /**
     * Names of the eager-call machinery: {@code start}'s holder parameter, its local for the future
     * being awaited, its flag for a running call; the flag by which {@code poll} skips a state's
     * poll after an eager call returned; the local that receives a call's result.
     */
    public record Eager(String holder, String awaiting, String calling, String eagerReturned, String called) {}

    private StatePlanner() {}

    public static InternalNames plan(StateGraph g, BodyIndex index) {
        threadJumps(g);
        List<Block> reachable = reachableWithFinallyTargets(g);
        g.blocks().retainAll(new HashSet<>(reachable));
        for (Block b : g.blocks()) b.predecessors.clear();
        for (Block b : g.blocks()) for (Block s : edges(b)) s.predecessors.add(b);
        markStates(g);
        Liveness<Block, LocalVar> live = Liveness.solve(new Flow(g));
        chooseFields(g, live);
        planClearing(g, live);
        return allocateNames(g, index);
    }

    /**
     * Jump threading: an edge to a block that has no code and only goes on elsewhere is redirected
     * to where it goes (e.g. the end of an inner if that only reaches the end of the outer one).
     */
    private static void threadJumps(StateGraph g) {
        Set<Block> fixed = new HashSet<>();
        for (TryRegion r : g.regions()) {
            if (r.catchEntry() != null) fixed.add(r.catchEntry());
            if (r.finallyEntry() != null) fixed.add(r.finallyEntry());
        }
        java.util.function.UnaryOperator<Block> follow = target -> {
            Set<Block> seen = new HashSet<>();
            Block t = target;
            while (t.code().isEmpty() && t.terminator() instanceof Block.Goto go && t.resumes() == null
                    && !fixed.contains(t) && seen.add(t)) {
                t = go.target();
            }
            return t;
        };
        for (Block b : g.blocks()) b.setForward(follow.apply(b));
        for (Block b : g.blocks()) b.redirect(follow);
        for (TryRegion r : g.regions()) {
            List<Block> next = new ArrayList<>(r.nextTargets);
            r.nextTargets.clear();
            for (Block b : next) r.nextTargets.add(b.resolved());
        }
    }

    /** Blocks entered from {@code b}: normal successors, jumps inside its code, its handler. */
    private static Set<Block> edges(Block b) {
        Set<Block> s = new LinkedHashSet<>(b.successors());
        for (Block.Code c : b.code()) for (Transition t : c.jumps()) addTransition(s, t);
        if (b.terminator() instanceof Block.Jump j) addTransition(s, j.transition());
        if (b.handler() != null) s.add(b.handler().entry());
        return s;
    }

    private static void addTransition(Set<Block> s, Transition t) {
        if (t.firstBlock() != null) s.add(t.firstBlock());
    }

    /**
     * Reachable blocks, where a finally continues only with the targets of reachable jumps
     * through it (a jump recorded in dead code must not keep its target alive).
     */
    private static List<Block> reachableWithFinallyTargets(StateGraph g) {
        List<Block> reachable;
        int size;
        do {
            Set<Block> targets = new HashSet<>();
            for (TryRegion r : g.regions()) targets.addAll(r.nextTargets());
            size = targets.size();
            reachable = reachable(g);
            for (TryRegion r : g.regions()) r.resetTargets();
            for (Block b : reachable) {
                for (Block.Code c : b.code()) for (Transition t : c.jumps()) record(t);
                if (b.terminator() instanceof Block.Jump j) record(j.transition());
            }
            targets.clear();
            for (TryRegion r : g.regions()) targets.addAll(r.nextTargets());
            if (targets.size() == size) break;
        } while (true);
        return reachable(g);
    }

    private static void record(Transition t) {
        List<TryRegion> crossed = t.crossed();
        for (int i = 0; i < crossed.size(); i++) {
            if (i + 1 < crossed.size()) crossed.get(i).nextTargets.add(crossed.get(i + 1).finallyEntry());
            else if (t.isReturn()) crossed.get(i).returnsThrough = true;
            else crossed.get(i).nextTargets.add(t.resolvedTarget());
        }
    }

    private static List<Block> reachable(StateGraph g) {
        List<Block> order = new ArrayList<>();
        Set<Block> seen = new HashSet<>();
        Deque<Block> work = new ArrayDeque<>();
        work.add(g.entry());
        seen.add(g.entry());
        while (!work.isEmpty()) {
            Block b = work.poll();
            order.add(b);
            for (Block s : edges(b)) if (seen.add(s)) work.add(s);
        }
        return order;
    }

    private static void markStates(StateGraph g) {
        Set<Block> states = new LinkedHashSet<>();
        states.add(g.entry());
        for (Block b : g.blocks()) {
            if (b.resumes() != null) states.add(b);
            if (b.predecessors().size() != 1) states.add(b);
            for (Block.Code c : b.code()) for (Transition t : c.jumps()) markTransition(states, t);
            if (b.terminator() instanceof Block.Jump j) markTransition(states, j.transition());
            if (b.predecessors().size() == 1) {
                Block p = b.predecessors().iterator().next();
                if (p == b || !java.util.Objects.equals(p.handler(), b.handler()) || !p.successors().contains(b)) states.add(b);
            }
        }
        for (TryRegion r : g.regions()) {
            if (r.catchEntry() != null) states.add(r.catchEntry());
            if (r.finallyEntry() != null) states.add(r.finallyEntry());
            states.addAll(r.nextTargets());
        }
        Map<String, Integer> used = new HashMap<>();
        for (Block b : g.blocks()) {
            if (!states.contains(b)) continue;
            String base = b == g.entry() ? "START" : b.label() + "_L" + b.line();
            int n = used.merge(base, 1, Integer::sum);
            b.setStateName(n == 1 ? base : base + "_" + n);
        }
    }

    private static void markTransition(Set<Block> states, Transition t) {
        if (t.firstBlock() != null) states.add(t.firstBlock());
        if (t.resolvedTarget() != null) states.add(t.resolvedTarget());
    }

    /** Liveness view of the graph. */
    private static final class Flow implements Liveness.Graph<Block, LocalVar> {
        private final StateGraph g;
        private final Map<Block, Set<LocalVar>> uses = new HashMap<>();
        private final Map<Block, Set<LocalVar>> defs = new HashMap<>();

        Flow(StateGraph g) {
            this.g = g;
            Map<Block, LocalVar> predefined = new HashMap<>();
            for (Block b : g.blocks()) {
                if (b.terminator() instanceof Block.CatchDispatch cd) {
                    for (Block.CatchClause c : cd.clauses()) predefined.put(c.body(), c.parameter());
                }
                if (b.resumes() != null && b.resumes().target() != null) predefined.put(b, b.resumes().target());
            }
            for (Block b : g.blocks()) {
                Set<LocalVar> u = new LinkedHashSet<>(), d = new LinkedHashSet<>();
                if (predefined.containsKey(b)) d.add(predefined.get(b));
                for (Block.Code c : b.code()) {
                    for (LocalVar v : c.uses()) if (!d.contains(v)) u.add(v);
                    d.addAll(c.defs());
                }
                for (LocalVar v : terminatorUses(b)) if (!d.contains(v)) u.add(v);
                uses.put(b, u);
                defs.put(b, d);
            }
        }

        private static Set<LocalVar> terminatorUses(Block b) {
            Block.Terminator t = b.terminator();
            if (t instanceof Block.Branch br) return br.uses();
            if (t instanceof Block.Await a) return a.uses();
            if (t instanceof Block.Switch s) return s.uses();
            return Set.of();
        }

        @Override
        public List<Block> nodes() {
            return g.blocks();
        }

        @Override
        public Set<LocalVar> uses(Block n) {
            return uses.get(n);
        }

        @Override
        public Set<LocalVar> defs(Block n) {
            return defs.get(n);
        }

        @Override
        public List<Block> successors(Block n) {
            List<Block> s = new ArrayList<>(n.successors());
            if (n.terminator() instanceof Block.Jump j && j.transition().firstBlock() != null) s.add(j.transition().firstBlock());
            return s;
        }

        @Override
        public List<Block> exceptionalSuccessors(Block n) {
            List<Block> s = new ArrayList<>();
            if (n.handler() != null) s.add(n.handler().entry());
            for (Block.Code c : n.code()) for (Transition t : c.jumps()) if (t.firstBlock() != null) s.add(t.firstBlock());
            return s;
        }
    }

    private static void chooseFields(StateGraph g, Liveness<Block, LocalVar> live) {
        for (Block b : g.blocks()) {
            if (b == g.entry() || b.resumes() != null) {
                for (LocalVar v : live.liveIn(b)) v.setField(true);
            }
        }
    }

    /**
     * Clears reference fields once dead: a forward "may hold a value" analysis finds, at each
     * await, the fields that may still reference something although nothing reads them after the
     * resume; they are set to null there, so a suspended machine keeps nothing alive needlessly.
     */
    private static void planClearing(StateGraph g, Liveness<Block, LocalVar> live) {
        Flow flow = new Flow(g);
        Map<Block, Set<LocalVar>> holdIn = new HashMap<>();
        for (Block b : g.blocks()) holdIn.put(b, new LinkedHashSet<>());
        for (LocalVar v : g.vars()) {
            if (v.kind() == LocalVar.Kind.PARAMETER && v.isField()) holdIn.get(g.entry()).add(v);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Block b : g.blocks()) {
                Set<LocalVar> out = new LinkedHashSet<>(holdIn.get(b));
                out.addAll(flow.defs(b));
                out.removeIf(v -> !v.isField() || !v.isReference());
                Set<LocalVar> cleared = cleared(b, out, live);
                for (Block s : edges(b)) {
                    Set<LocalVar> into = new LinkedHashSet<>(out);
                    if (b.terminator() instanceof Block.Await a && s == a.resume()) into.removeAll(cleared);
                    if (holdIn.get(s) != null && holdIn.get(s).addAll(into)) changed = true;
                }
            }
        }
        for (Block b : g.blocks()) {
            Set<LocalVar> held = new LinkedHashSet<>(holdIn.get(b));
            held.addAll(flow.defs(b));
            held.removeIf(v -> !v.isField() || !v.isReference());
            b.clearBeforeSuspending.addAll(cleared(b, held, live));
        }
    }

    private static Set<LocalVar> cleared(Block b, Set<LocalVar> held, Liveness<Block, LocalVar> live) {
        if (!(b.terminator() instanceof Block.Await a)) return Set.of();
        Set<LocalVar> dead = new LinkedHashSet<>(held);
        dead.removeAll(live.liveIn(a.resume()));
        dead.remove(a.target());
        return dead;
    }

    private static InternalNames allocateNames(StateGraph g, BodyIndex index) {
        Set<Element> managed = new HashSet<>();
        for (LocalVar v : g.vars()) if (v.element() != null) managed.add(v.element());
        Set<String> unmanagedLocals = new HashSet<>();
        for (VariableTree d : index.declarations()) {
            if (!managed.contains(index.element(d))) unmanagedLocals.add(d.getName().toString());
        }
        // Neither fields nor poll locals may be named like a local of the body's unrelated statements:
        // start (the eager entry) declares the fields as locals too, and a Java local cannot shadow one.
        NameAllocator fields = new NameAllocator(unmanagedLocals);
        NameAllocator locals = new NameAllocator(unmanagedLocals);
        Map<LocalVar, String> names = new LinkedHashMap<>();
        for (LocalVar v : g.vars()) {
            String name = v.isField() ? fields.newName(v.hint()) : locals.newName(v.hint());
            fields.reserve(name);
            locals.reserve(name);
            names.put(v, name);
            v.setName(name);
        }
        Set<String> everything = new HashSet<>(index.names());
        everything.addAll(names.values());
        NameAllocator internal = new NameAllocator(everything);
        for (LocalVar v : g.vars()) v.setCaptureName(internal.newName(v.name() + "Captured"));
        int i = 1;
        for (TryRegion r : g.regions()) {
            String suffix = g.regions().size() == 1 ? "" : String.valueOf(i++);
            r.setNames(internal.newName("finallyPending" + suffix), internal.newName("finallyNext" + suffix));
        }
        return new InternalNames(internal.newName("self"), internal.newName("state"), internal.newName("State"),
                internal.newName("cx"), internal.newName("ready"), internal.newName("caught"), internal.newName("t"),
                internal.newName("result"), internal.newName("dispatch"), internal.newName("thrown"),
                internal.newName("entered"), new Eager(internal.newName("holder"), internal.newName("awaiting"),
                        internal.newName("calling"), internal.newName("eagerReturned"), internal.newName("called")));
    }
}
