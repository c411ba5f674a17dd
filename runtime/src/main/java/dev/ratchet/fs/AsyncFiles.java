package dev.ratchet.fs;

import dev.ratchet.Future;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Whole-file reads and writes as futures: {@link java.nio.file.Files} run on the executor's
 * blocking pool ({@link dev.ratchet.Futures#spawnBlocking}), so file I/O never blocks a worker.
 *
 * <pre>{@code
 * @Async
 * int countLines(Path log) throws IOException {
 *     return await(AsyncFiles.readAllLines(log)).size();
 * }
 * }</pre>
 *
 * <p>Each future is lazy: the file is touched only after the first poll, which must happen on a
 * Ratchet executor (outside one, that poll throws {@link IllegalStateException}). Exceptions are
 * those of {@code Files}, unchanged (e.g. {@link java.nio.file.NoSuchFileException}).
 *
 * <p>Cancellation: before the first poll, nothing happens. A job not yet started is dropped; one
 * already running (it cannot be interrupted safely) is waited for, so when the cancelled future
 * completes with {@link java.util.concurrent.CancellationException} the file is no longer being
 * accessed — a cancelled write may thus still have happened.
 */
public final class AsyncFiles {
    private AsyncFiles() {}

    /** Reads the whole file. */
    public static Future<byte[]> readAllBytes(Path path) {
        Objects.requireNonNull(path, "path");
        return new BlockingCall<>("readAllBytes(" + path + ")", () -> Files.readAllBytes(path));
    }

    /** Reads the whole file as UTF-8 text. */
    public static Future<String> readString(Path path) {
        return readString(path, StandardCharsets.UTF_8);
    }

    /** Reads the whole file as text in {@code charset}. */
    public static Future<String> readString(Path path, Charset charset) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(charset, "charset");
        return new BlockingCall<>("readString(" + path + ")", () -> Files.readString(path, charset));
    }

    /** Reads the lines of a UTF-8 file. */
    public static Future<List<String>> readAllLines(Path path) {
        return readAllLines(path, StandardCharsets.UTF_8);
    }

    /** Reads the lines of a file in {@code charset}. */
    public static Future<List<String>> readAllLines(Path path, Charset charset) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(charset, "charset");
        return new BlockingCall<>("readAllLines(" + path + ")", () -> Files.readAllLines(path, charset));
    }

    /**
     * Writes {@code bytes} to the file (by default creating or truncating it; see {@link
     * Files#write(Path, byte[], OpenOption...)}). The array is not copied: do not change it until
     * the future completes.
     */
    public static Future<Void> write(Path path, byte[] bytes, OpenOption... options) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        OpenOption[] opts = options.clone();
        return new BlockingCall<>("write(" + path + ")", () -> {
            Files.write(path, bytes, opts);
            return null;
        });
    }

    /** Writes {@code text} as UTF-8 (see {@link #write}). */
    public static Future<Void> writeString(Path path, CharSequence text, OpenOption... options) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        OpenOption[] opts = options.clone();
        return new BlockingCall<>("writeString(" + path + ")", () -> {
            Files.writeString(path, text, StandardCharsets.UTF_8, opts);
            return null;
        });
    }
}
