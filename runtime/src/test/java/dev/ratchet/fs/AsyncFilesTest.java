package dev.ratchet.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.runtime.Executor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncFilesTest {
    private static Executor executor;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        executor = Executor.multiThreaded();
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    @Test
    void writeThenReadBackInEveryForm() {
        Path f = dir.resolve("a.txt");
        executor.blockOn(AsyncFiles.writeString(f, "héllo\nwörld\n"));
        assertEquals("héllo\nwörld\n", executor.blockOn(AsyncFiles.readString(f)));
        assertEquals(List.of("héllo", "wörld"), executor.blockOn(AsyncFiles.readAllLines(f)));
        assertArrayEquals("héllo\nwörld\n".getBytes(UTF_8), executor.blockOn(AsyncFiles.readAllBytes(f)));

        executor.blockOn(AsyncFiles.write(f, "!".getBytes(UTF_8), StandardOpenOption.APPEND));
        assertEquals("héllo\nwörld\n!", executor.blockOn(AsyncFiles.readString(f, UTF_8)));
    }

    @Test
    void aMissingFileFailsWithTheExceptionOfFiles() {
        Path missing = dir.resolve("missing");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> executor.blockOn(AsyncFiles.readAllBytes(missing)));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void futuresAreLazyAndCancellingBeforeTheFirstPollWritesNothing() {
        Path f = dir.resolve("never");
        Future<Void> write = AsyncFiles.writeString(f, "x");
        assertFalse(Files.exists(f), "creating the future runs nothing");
        write.cancel();
        assertThrows(CancellationException.class, () -> executor.blockOn(write));
        assertFalse(Files.exists(f));
    }

    @Test
    void pollingOutsideAnExecutorSaysWhatToDo() throws IOException {
        Path f = Files.writeString(dir.resolve("b"), "b");
        Future<String> read = AsyncFiles.readString(f);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read.poll(Context.of(() -> {})));
        assertTrue(e.getMessage().contains("Futures.spawnBlocking"), e.getMessage());
    }

    @Test
    void badArgumentsAreRejectedAtOnce() {
        assertEquals("path", assertThrows(NullPointerException.class, () -> AsyncFiles.readString(null)).getMessage());
        assertEquals("bytes", assertThrows(NullPointerException.class, () -> AsyncFiles.write(dir, null)).getMessage());
    }
}
