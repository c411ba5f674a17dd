package dev.ratchet.processor.lowering;

import dev.ratchet.processor.model.AsyncMethod;
import java.util.List;

/**
 * The lowered body: blocks (the entry first), the managed variables and the split try regions.
 * After {@link StatePlanner#plan} the blocks that are states have names, variables know whether
 * they are fields, and {@link #states()} lists the states in source order.
 */
public record StateGraph(AsyncMethod method, Block entry, List<Block> blocks, List<LocalVar> vars, List<TryRegion> regions,
        List<LocalClass> localClasses) {
    /** The blocks that are states, entry first. */
    public List<Block> states() {
        return blocks.stream().filter(Block::isState)
                .sorted(java.util.Comparator.comparing((Block b) -> b != entry).thenComparingInt(Block::line))
                .toList();
    }

    /** Whether a return goes through a finally (needs a result field and a RETURN state). */
    public boolean returnsThroughFinally() {
        return regions.stream().anyMatch(TryRegion::returnsThrough);
    }

    public List<LocalVar> fields() {
        return vars.stream().filter(LocalVar::isField).toList();
    }
}
