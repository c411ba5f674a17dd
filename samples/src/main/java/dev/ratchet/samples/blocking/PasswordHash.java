package dev.ratchet.samples.blocking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.spec.KeySpec;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256, deliberately slow: the kind of CPU-bound call that must not run on an
 * executor's worker threads.
 *
 * <pre>{@code
 * PasswordHash h = PasswordHash.calibrated(100, 10_000);   // about 100 ms per hash
 * String hex = h.hash("correct horse battery staple");
 * }</pre>
 */
public final class PasswordHash {
    private static final byte[] SALT = "ratchet-samples".getBytes(StandardCharsets.UTF_8);
    private static final int KEY_BITS = 256;
    private static final int PROBE_ITERATIONS = 5_000;

    private final int iterations;

    /** A hasher running {@code iterations} rounds of PBKDF2 (at least 1). */
    public PasswordHash(int iterations) {
        if (iterations < 1) throw new IllegalArgumentException("iterations must be positive, got " + iterations);
        this.iterations = iterations;
    }

    /**
     * A hasher whose rounds are chosen so that one hash takes about {@code millis} on this machine
     * now (at least {@code minIterations} rounds). It times probes until they stop getting faster
     * — the JIT compiles the HMAC loop in the background, which makes it several times faster —
     * and keeps the fastest. Approximate on a loaded machine.
     */
    public static PasswordHash calibrated(long millis, int minIterations) {
        if (millis < 1) throw new IllegalArgumentException("millis must be positive, got " + millis);
        PasswordHash probe = new PasswordHash(PROBE_ITERATIONS);
        long best = Long.MAX_VALUE;
        for (int i = 0, stale = 0; i < 12 && stale < 3; i++) {
            long start = System.nanoTime();
            probe.hash("probe");
            long took = System.nanoTime() - start;
            stale = took < best * 0.9 ? 0 : stale + 1; // three probes without a 10% gain: steady
            best = Math.min(best, took);
        }
        double nanosPerIteration = Math.max(1.0, (double) best / PROBE_ITERATIONS);
        double iterations = Math.max(minIterations, millis * 1e6 / nanosPerIteration);
        return new PasswordHash((int) Math.min(50_000_000, iterations));
    }

    /** The rounds per hash. */
    public int iterations() {
        return iterations;
    }

    /** The hex PBKDF2 hash of {@code password}: blocks the calling thread for the whole computation. */
    public String hash(String password) {
        KeySpec spec = new PBEKeySpec(password.toCharArray(), SALT, iterations, KEY_BITS);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return HexFormat.of().formatHex(key);
        } catch (GeneralSecurityException e) {
            // Every Java SE platform must provide PBKDF2WithHmacSHA256: this is a broken JDK.
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }
}
