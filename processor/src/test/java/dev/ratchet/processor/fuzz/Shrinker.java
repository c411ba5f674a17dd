package dev.ratchet.processor.fuzz;

import dev.ratchet.processor.fuzz.Ast.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reduces a failing program to a small one that still fails the same way: greedy, one {@link
 * Reductions reduction} at a time, biggest first, until no reduction reproduces or the time budget
 * is spent. Candidates are judged in chunks ({@value #FIRST_CHUNK} doubling up to {@value
 * #MAX_CHUNK}) — with the real {@link #judge}, one javac run per chunk — so a round costs a couple
 * of compilations, not two per candidate.
 */
final class Shrinker {
    static final int FIRST_CHUNK = 6;
    static final int MAX_CHUNK = 48;
    static final long DEFAULT_BUDGET_MILLIS = 120_000;

    /** Judges candidates: the index of the first one that reproduces the finding, or -1. */
    interface Judge {
        int firstReproducing(List<Program> candidates);
    }

    private final Judge judge;
    private final long budgetMillis;
    private int rounds;

    Shrinker(Judge judge, long budgetMillis) {
        this.judge = judge;
        this.budgetMillis = budgetMillis;
    }

    /** Rounds (successful reductions + the last, failed one) of the last {@link #shrink}. */
    int rounds() {
        return rounds;
    }

    Program shrink(Program p) {
        long began = System.currentTimeMillis();
        Program best = p;
        rounds = 0;
        outer:
        while (System.currentTimeMillis() - began < budgetMillis) {
            rounds++;
            List<Program> all = Reductions.of(best);
            // Small chunks first: the biggest reductions come first and usually reproduce, and a
            // chunk's compile time grows with its size; double it while nothing reproduces.
            int chunkSize = FIRST_CHUNK;
            for (int from = 0; from < all.size(); from += chunkSize, chunkSize = Math.min(MAX_CHUNK, chunkSize * 2)) {
                if (System.currentTimeMillis() - began >= budgetMillis) break outer;
                List<Program> chunk = new ArrayList<>();
                for (int k = from; k < Math.min(all.size(), from + chunkSize); k++) {
                    // Distinct class names: a chunk is compiled as one batch.
                    chunk.add(all.get(k).withName(p.name() + "_" + rounds + "_" + (k - from)));
                }
                int hit = judge.firstReproducing(chunk);
                if (hit >= 0) {
                    best = chunk.get(hit).withName(p.name());
                    continue outer;
                }
            }
            break;
        }
        return best;
    }

    /**
     * The real judge: a candidate reproduces {@code f} if its twin compiles (else the reduction
     * broke the program, not the processor) and it shows the same {@link Finding#signature()}: the
     * same processor error, or a failure under {@code f}'s mode.
     */
    static Judge judge(Oracle oracle, Finding f, Function<Program, Unit> print) {
        return candidates -> {
            List<Unit> units = candidates.stream().map(print).toList();
            Map<String, String> invalid;
            try {
                invalid = BatchCompiler.invalidTwins(units);
            } catch (com.google.testing.compile.CompilationFailureException crash) {
                // javac itself crashed on a candidate (seen: javac 17 on a reference twin it also
                // miscompiles, a VerifyError): no verdict, so this batch reproduces nothing.
                return -1;
            }
            List<Unit> valid = units.stream().filter(u -> !invalid.containsKey(u.name())).toList();
            if (valid.isEmpty()) return -1;
            BatchCompiler.Result compiled;
            try {
                compiled = BatchCompiler.compile(valid);
            } catch (com.google.testing.compile.CompilationFailureException crash) {
                return -1; // javac crashed (see above): no verdict for this batch
            }
            for (int i = 0; i < units.size(); i++) {
                Unit u = units.get(i);
                if (invalid.containsKey(u.name())) continue;
                String error = compiled.asyncErrors().get(u.name());
                Finding again;
                if (error != null) {
                    again = new Finding(Finding.Kind.COMPILE_ERROR, u.name(), null, error);
                } else if (f.kind() != Finding.Kind.COMPILE_ERROR && compiled.compiled(u.name())) {
                    again = oracle.check(compiled.loader(), u, f.mode());
                } else {
                    continue;
                }
                if (again != null && again.signature().equals(f.signature())) return i;
            }
            return -1;
        };
    }
}
