package dev.ratchet.processor.analysis;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backward liveness of variables over a control-flow graph, solved to a fixpoint.
 *
 * <p>{@code liveIn(n) = use(n) ∪ (liveOut(n) \ def(n)) ∪ ⋃ liveIn(m) for m in exceptional(n)},
 * where {@code liveOut(n) = ⋃ liveIn(s)} over the normal successors. Exceptional successors
 * (a catch or finally reachable from anywhere inside the node, a jump from inside a statement)
 * contribute without being killed by the node's definitions: the exception may happen before
 * them. The result over-approximates, which only ever keeps a variable in a field needlessly.
 *
 * @param <N> node type
 * @param <V> variable type
 */
public final class Liveness<N, V> {
    /** The graph, as the analysis sees it. */
    public interface Graph<N, V> {
        List<N> nodes();

        /** Variables read in {@code n} before any write in {@code n}. */
        Set<V> uses(N n);

        /** Variables certainly written in {@code n}. */
        Set<V> defs(N n);

        List<N> successors(N n);

        List<N> exceptionalSuccessors(N n);
    }

    private final Map<N, Set<V>> liveIn = new HashMap<>();

    private Liveness() {}

    public static <N, V> Liveness<N, V> solve(Graph<N, V> g) {
        Liveness<N, V> l = new Liveness<>();
        for (N n : g.nodes()) l.liveIn.put(n, new LinkedHashSet<>());
        boolean changed = true;
        while (changed) {
            changed = false;
            List<N> nodes = g.nodes();
            for (int i = nodes.size() - 1; i >= 0; i--) {
                N n = nodes.get(i);
                Set<V> in = new LinkedHashSet<>();
                for (N s : g.successors(n)) in.addAll(l.liveIn.get(s));
                in.removeAll(g.defs(n));
                in.addAll(g.uses(n));
                for (N s : g.exceptionalSuccessors(n)) in.addAll(l.liveIn.get(s));
                if (!in.equals(l.liveIn.get(n))) {
                    l.liveIn.put(n, in);
                    changed = true;
                }
            }
        }
        return l;
    }

    /** The variables live on entry to {@code n}. */
    public Set<V> liveIn(N n) {
        return liveIn.getOrDefault(n, Set.of());
    }
}
