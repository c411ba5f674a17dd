package dev.ratchet.processor.fuzz;

import java.nio.file.Path;

/**
 * A long fuzzing campaign from the command line (see processor/FUZZING.md):
 *
 * <pre>{@code
 * FuzzCampaign --programs 20000 --seed 42 --out target/fuzz-findings [--batch 80] [--first 0]
 *              [--await-in-expressions] [--avoid-known-bugs] [--no-shrink]
 * }</pre>
 *
 * Prints progress per batch, then programs/s, the findings and where their reduced regression
 * tests went. Exit status 1 if anything was found.
 */
public final class FuzzCampaign {
    private FuzzCampaign() {}

    public static void main(String[] args) {
        int programs = 1000;
        long seed = System.currentTimeMillis();
        Path out = Path.of("target", "fuzz-findings");
        int batch = 80;
        int first = 0;
        boolean shrink = true;
        ProgramGenerator.Config config = ProgramGenerator.Config.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--programs" -> programs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--first" -> first = Integer.parseInt(args[++i]);
                case "--no-shrink" -> shrink = false;
                case "--await-in-expressions" -> config = config.withAwaitInExpressions(true);
                case "--avoid-known-bugs" -> config = config.withoutKnownBugs();
                default -> {
                    System.err.println("unknown argument " + args[i]
                            + "; usage: --programs N --seed S --out DIR [--batch B] [--first I] [--no-shrink] [--await-in-expressions] [--avoid-known-bugs]");
                    System.exit(2);
                }
            }
        }
        if (programs <= 0 || batch <= 0) throw new IllegalArgumentException("--programs and --batch must be positive");
        System.out.println("fuzz campaign: " + programs + " programs from #" + first + ", seed " + seed + ", batches of " + batch
                + ", findings to " + out.toAbsolutePath());
        long start = System.nanoTime();
        Fuzzer.Report report;
        Fuzzer fuzzer = new Fuzzer(seed, config, out, System.out::println);
        if (!shrink) fuzzer.withoutShrinking();
        report = fuzzer.run(first, programs, batch);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d programs in %.1f s: %.1f programs/s; %d invalid (generator bugs); %d findings%n",
                report.programs(), seconds, report.programs() / seconds, report.invalid(), report.findings().size());
        // Every verdict counted by kind: BROKEN_REFERENCE (javac's bug on the program as written) is
        // not the processor's, but is never passed over in silence.
        java.util.Map<Finding.Kind, Long> byKind = report.findings().stream().collect(java.util.stream.Collectors.groupingBy(
                Finding::kind, () -> new java.util.EnumMap<>(Finding.Kind.class), java.util.stream.Collectors.counting()));
        System.out.println("verdicts: " + (byKind.isEmpty() ? "none" : byKind) + "; processor findings: "
                + report.findings().stream().filter(Finding::blamesProcessor).count());
        report.invalidDetails().forEach(d -> System.out.println("INVALID " + d));
        for (Finding f : report.findings()) System.out.println("- " + f.kind() + " " + f.program() + (f.mode() == null ? "" : " " + f.mode()));
        report.written().forEach(p -> System.out.println("reduced test: " + p.toAbsolutePath()));
        // Executors of abandoned (hung) runs may still hold non-daemon threads.
        boolean processorFindings = report.findings().stream().anyMatch(Finding::blamesProcessor);
        System.exit(!processorFindings && report.invalid() == 0 ? 0 : 1);
    }
}
