package dev.ratchet.processor.lowering;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What {@code break}, {@code continue} and {@code return} can reach from the point being
 * lowered: the enclosing split loops, switches and labeled statements, and the split finally
 * blocks in between, which every jump must run first (innermost first). Recording a jump also
 * records where each crossed finally may continue, for liveness and state marking.
 */
final class JumpScopes {
    private record Scope(String label, Block breakTo, Block continueTo, int finallyDepth, boolean loop, boolean isSwitch) {}

    /** Split try regions whose try or catch part encloses the current point, innermost first. */
    private final Deque<TryRegion> finallies = new ArrayDeque<>();
    /** Split statements a jump may target, innermost first. */
    private final Deque<Scope> scopes = new ArrayDeque<>();

    void enterLoop(String label, Block exit, Block continueTo) {
        scopes.push(new Scope(label, exit, continueTo, finallies.size(), true, false));
    }

    void enterSwitch(Block exit) {
        scopes.push(new Scope(null, exit, null, finallies.size(), false, true));
    }

    void enterLabeled(String label, Block after) {
        scopes.push(new Scope(label, after, null, finallies.size(), false, false));
    }

    void exitScope() {
        scopes.pop();
    }

    /** Entering the try (or catch) part of a region with a finally: jumps out must run it. */
    void enterFinallyScope(TryRegion region) {
        finallies.push(region);
    }

    void exitFinallyScope() {
        finallies.pop();
    }

    /** A {@code break} or {@code continue} (with its label, or the innermost target). */
    Transition jump(String label, boolean isContinue) {
        for (Scope s : scopes) {
            boolean match = label != null ? label.equals(s.label()) : (isContinue ? s.loop() : s.loop() || s.isSwitch());
            if (match) {
                if (isContinue && !s.loop()) break;
                List<TryRegion> crossed = new ArrayList<>(finallies).subList(0, finallies.size() - s.finallyDepth());
                return through(crossed, isContinue ? s.continueTo() : s.breakTo());
            }
        }
        throw new IllegalStateException("no target for " + (isContinue ? "continue " : "break ") + label + " (javac accepted it)");
    }

    /** Leaving the try or a catch part of {@code region} normally: through its finally to {@code after}. */
    Transition leaving(TryRegion region, Block after) {
        return through(List.of(region), after);
    }

    /** A {@code return}: through every enclosing finally, then the future completes. */
    Transition returning(Snippet value) {
        List<TryRegion> crossed = List.copyOf(finallies);
        for (int i = 0; i < crossed.size(); i++) {
            if (i + 1 < crossed.size()) crossed.get(i).nextTargets.add(crossed.get(i + 1).finallyEntry());
            else crossed.get(i).returnsThrough = true;
        }
        return new Transition(crossed, null, value, true);
    }

    private static Transition through(List<TryRegion> crossed, Block target) {
        for (int i = 0; i < crossed.size(); i++) {
            crossed.get(i).nextTargets.add(i + 1 < crossed.size() ? crossed.get(i + 1).finallyEntry() : target);
        }
        return new Transition(List.copyOf(crossed), target, null, false);
    }
}
