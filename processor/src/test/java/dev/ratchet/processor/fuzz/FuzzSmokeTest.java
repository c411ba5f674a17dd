package dev.ratchet.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bounded fuzzing run of the default build: {@value #PROGRAMS} generated programs from a fixed
 * seed, compiled in batches, each checked against its synchronous twin under the four schedules
 * on three drivers and under two cancellations (14 runs per program). Any finding fails the test;
 * its reduced regression test is written to {@code target/fuzz-findings/}. Long campaigns: see
 * processor/FUZZING.md.
 */
class FuzzSmokeTest {
    static final int PROGRAMS = 120;
    static final long SEED = 20261128L;

    @Test
    void generatedProgramsBehaveLikeTheirSynchronousTwins() {
        StringBuilder progress = new StringBuilder();
        Fuzzer.Report report;
        // Known, still open findings (disabled in FuzzRegressionTest) are left out, so this test
        // guards everything else.
        try (Fuzzer fuzzer = new Fuzzer(SEED, ProgramGenerator.Config.DEFAULT.withoutKnownBugs(), Path.of("target", "fuzz-findings"),
                line -> progress.append(line).append('\n'))) {
            report = fuzzer.run(0, PROGRAMS, 50);
        }
        assertEquals(PROGRAMS, report.programs());
        assertTrue(report.invalidDetails().isEmpty(), () -> "generator produced invalid Java:\n" + String.join("\n", report.invalidDetails()));
        // A twin that javac itself miscompiles (BROKEN_REFERENCE) is javac's bug, reported but not ours to fail on.
        assertTrue(report.findings().stream().noneMatch(Finding::blamesProcessor), () -> report.findings().stream().map(Finding::toString)
                .collect(Collectors.joining("\n\n", "fuzzer findings (reduced tests in " + report.written() + "):\n", "\n" + progress)));
    }
}
