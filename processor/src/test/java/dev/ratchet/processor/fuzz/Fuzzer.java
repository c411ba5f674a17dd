package dev.ratchet.processor.fuzz;

import dev.ratchet.processor.fuzz.Ast.Program;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The differential loop: generate a batch of programs, compile them in one javac run, check each
 * against its synchronous twin under every mode, shrink what fails and write it out as a JUnit
 * test. Program {@code i} of a campaign with seed {@code s} comes from {@link #programSeed(long,
 * int)}, so any one program can be regenerated alone.
 */
final class Fuzzer implements AutoCloseable {
    /** The outcome of a campaign. */
    record Report(int programs, int invalid, List<Finding> findings, List<Path> written, List<String> invalidDetails) {}

    private final long seed;
    private final ProgramGenerator.Config config;
    private final Path out;
    private final Consumer<String> progress;
    private final Oracle oracle = new Oracle();
    private boolean shrink = true;
    /** One reduced test per kind of failure: a campaign finds the same bug many times. */
    private final java.util.Set<String> shrunkSignatures = new java.util.HashSet<>();

    Fuzzer(long seed, ProgramGenerator.Config config, Path out, Consumer<String> progress) {
        this.seed = seed;
        this.config = config;
        this.out = out;
        this.progress = progress;
    }

    Fuzzer withoutShrinking() {
        shrink = false;
        return this;
    }

    static long programSeed(long campaignSeed, int index) {
        long z = campaignSeed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static String programName(int index) {
        return "P" + index;
    }

    static Program program(long campaignSeed, int index, ProgramGenerator.Config config) {
        return new ProgramGenerator(programSeed(campaignSeed, index), config).generate(programName(index));
    }

    /** Runs programs {@code [from, from + count)} in batches of {@code batchSize}. */
    Report run(int from, int count, int batchSize) {
        List<Finding> findings = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        List<String> invalidDetails = new ArrayList<>();
        int invalid = 0;
        for (int start = from; start < from + count; start += batchSize) {
            int end = Math.min(from + count, start + batchSize);
            List<Program> batch = new ArrayList<>();
            for (int i = start; i < end; i++) batch.add(program(seed, i, config));
            long t0 = System.nanoTime();
            BatchCompiler.Result compiled = BatchCompiler.compile(batch.stream().map(Unit::of).toList());
            long t1 = System.nanoTime();
            invalid += compiled.invalid().size();
            compiled.invalid().forEach((k, v) -> {
                invalidDetails.add(k + ": " + v);
                progress.accept("INVALID (generator bug) " + k + ": " + v);
            });
            for (Program p : batch) {
                Finding f;
                String error = compiled.asyncErrors().get(p.name());
                String crash = compiled.javacCrashes().get(p.name());
                if (crash != null) {
                    f = new Finding(Finding.Kind.BROKEN_REFERENCE, p.name(), null, crash);
                } else if (error != null) {
                    f = new Finding(Finding.Kind.COMPILE_ERROR, p.name(), null, error);
                } else if (compiled.compiled(p.name())) {
                    f = oracle.check(compiled.loader(), Unit.of(p), new Random(programSeed(seed, index(p))));
                } else {
                    continue;
                }
                if (f == null) continue;
                findings.add(f);
                progress.accept("FINDING " + f);
                if (crash != null) {
                    // The shrinker's candidates would crash javac too, which gives no verdict.
                    progress.accept("  (javac crashes on the program as written: not shrunk)");
                } else if (!shrunkSignatures.add(f.signature())) {
                    progress.accept("  (same signature as an earlier finding: not shrunk again)");
                } else if (shrink) {
                    Shrinker shrinker = new Shrinker(Shrinker.judge(oracle, f, Unit::of), Shrinker.DEFAULT_BUDGET_MILLIS);
                    Program small = shrinker.shrink(p);
                    Path file = RegressionWriter.write(out, small, f, seed, index(p));
                    written.add(file);
                    progress.accept("  shrunk in " + shrinker.rounds() + " rounds to " + Reductions.size(small) + " statements (from "
                            + Reductions.size(p) + "): " + file);
                }
            }
            progress.accept(String.format("programs %d/%d, findings %d, invalid %d (batch: compile %.1f s, runs %.1f s)",
                    end - from, count, findings.size(), invalid, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9));
        }
        return new Report(count, invalid, findings, written, invalidDetails);
    }

    private static int index(Program p) {
        return Integer.parseInt(p.name().substring(1));
    }

    @Override
    public void close() {
        oracle.close();
    }

}
