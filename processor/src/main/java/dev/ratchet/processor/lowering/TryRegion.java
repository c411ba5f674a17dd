package dev.ratchet.processor.lowering;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A {@code try} statement that contains a suspension point, regenerator-style: exceptions thrown
 * in a state of its try part go to its catch dispatch (or its finally), exceptions of its catch
 * part go to its finally. The finally has a completion record in two fields: the exception it
 * must rethrow ({@code pending}) and otherwise the state to continue with ({@code next}).
 */
public final class TryRegion {
    private final int line;
    private final Handler outer;
    private Block catchEntry;
    private Block finallyEntry;
    private String pendingName;
    private String nextName;
    /** Every state a completion of the finally may continue with (for liveness and checks). */
    final Set<Block> nextTargets = new LinkedHashSet<>();
    boolean returnsThrough;

    TryRegion(int line, Handler outer) {
        this.line = line;
        this.outer = outer;
    }

    public int line() {
        return line;
    }

    /** Where exceptions go once they leave this region (null: out of the body). */
    public Handler outer() {
        return outer;
    }

    public Block catchEntry() {
        return catchEntry;
    }

    void setCatchEntry(Block b) {
        catchEntry = b;
    }

    public Block finallyEntry() {
        return finallyEntry;
    }

    void setFinallyEntry(Block b) {
        finallyEntry = b;
    }

    public String pendingName() {
        return pendingName;
    }

    public String nextName() {
        return nextName;
    }

    void setNames(String pending, String next) {
        this.pendingName = pending;
        this.nextName = next;
    }

    /** Recomputed by the planner from the jumps that are reachable. */
    void resetTargets() {
        nextTargets.clear();
        returnsThrough = false;
    }

    public Set<Block> nextTargets() {
        return nextTargets;
    }

    public boolean returnsThrough() {
        return returnsThrough;
    }

    /** Where an exception thrown in a state goes: a region's catch dispatch or its finally. */
    public record Handler(TryRegion region, boolean toFinally) {
        public Block entry() {
            return toFinally ? region.finallyEntry() : region.catchEntry();
        }
    }
}
