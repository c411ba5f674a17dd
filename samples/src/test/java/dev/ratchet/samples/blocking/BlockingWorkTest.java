package dev.ratchet.samples.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlockingWorkTest {
    @Test
    void theTickerRunsDuringBlockingPoolHashesButNeverDuringInlineOnes() {
        BlockingWork.Result r = BlockingWork.run();
        assertEquals(0, r.inline().duringHashing(), r::toString);
        assertTrue(r.blocking().duringHashing() > 0, r::toString);
        assertEquals(BlockingWork.PASSWORDS.size(), r.blockingHashes().size());
        assertEquals(r.inlineHashes(), r.blockingHashes());
    }

    @Test
    void passwordHashIsDeterministicAndDependsOnThePassword() {
        PasswordHash h = new PasswordHash(1_000);
        assertEquals(h.hash("a"), h.hash("a"));
        assertNotEquals(h.hash("a"), h.hash("b"));
        assertNotEquals(h.hash("a"), new PasswordHash(1_001).hash("a"));
        assertEquals(64, h.hash("a").length()); // 256 bits in hex
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash(0));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.calibrated(0, 1));
        assertTrue(PasswordHash.calibrated(5, 2_000).iterations() >= 2_000);
    }
}
