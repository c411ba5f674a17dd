package dev.ratchet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The tour's stops point at files that exist (the samples' own runs are tested one by one). */
class TourTest {
    /** Surefire runs in the module directory; the tour's paths start at the repository root. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyStopNamesItsSourceAndItsGeneratedStateMachines() {
        assertEquals(9, Tour.stops().size());
        for (Tour.Stop stop : Tour.stops()) {
            assertTrue(Files.exists(ROOT.resolve(stop.source())), "missing source " + stop.source());
            if (stop.generated() == null) continue;
            // "dir/NameAsync*.java": the companion and its machines.
            Path pattern = ROOT.resolve(stop.generated());
            String prefix = pattern.getFileName().toString().replace("*.java", "");
            File[] generated = pattern.getParent().toFile().listFiles((d, name) -> name.startsWith(prefix));
            assertTrue(generated != null && generated.length > 0, "nothing generated at " + stop.generated());
        }
    }
}
