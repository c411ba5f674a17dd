package dev.ratchet.samples.spawn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpawnAndJoinTest {
    @Test
    void joinAndSpawnOverlapTheThreeWaits() {
        SpawnAndJoin.Timings t = SpawnAndJoin.run();
        long op = SpawnAndJoin.OPERATION.toMillis();
        assertTrue(t.sequentialMillis() >= 3 * op, t::toString);
        // Overlapped, the three waits take about one operation: at least a whole operation faster.
        assertTrue(t.joinedMillis() + op <= t.sequentialMillis(), t::toString);
        assertTrue(t.spawnedMillis() + op <= t.sequentialMillis(), t::toString);
        assertTrue(t.joinedMillis() >= op && t.spawnedMillis() >= op, t::toString);
    }
}
