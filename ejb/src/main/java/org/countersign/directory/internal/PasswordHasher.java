package org.countersign.directory.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes (RFC 8018 section 5.2) in the form
 * {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}. Thread-safe.
 */
public final class PasswordHasher {

    /** Cost of new hashes: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public PasswordHasher() {
        this(ITERATIONS);
    }

    /** A hasher with another cost, for tests; at least 10,000. */
    public PasswordHasher(int iterations) {
        if (iterations < 10_000) {
            throw new IllegalArgumentException("PBKDF2 iterations must be at least 10000, got " + iterations);
        }
        this.iterations = iterations;
    }

    /** @return the stored form of a new hash of {@code password}, with a fresh salt */
    public String hash(char[] password) {
        requirePassword(password);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(password, salt, iterations));
    }

    /** @return whether {@code password} gives {@code stored}; false for anything malformed. Constant-time comparison. */
    public boolean matches(char[] password, String stored) {
        if (password == null || password.length == 0 || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            int cost = Integer.parseInt(parts[1]);
            if (cost < 10_000 || cost > 10_000_000) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, cost));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return whether a stored hash was made with a lower cost than new ones use */
    public boolean needsRehash(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        return parts.length != 4 || !parts[0].equals(PREFIX) || !parts[1].equals(Integer.toString(iterations));
    }

    private static byte[] derive(char[] password, byte[] salt, int cost) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, cost, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static void requirePassword(char[] password) {
        if (password == null || password.length < 8) {
            throw new IllegalArgumentException("a password must have at least 8 characters");
        }
        boolean blank = true;
        for (char c : password) {
            blank &= Character.isWhitespace(c);
        }
        if (blank) {
            throw new IllegalArgumentException("a password must not be only white space");
        }
    }

    @Override
    public String toString() {
        return "PasswordHasher[" + PREFIX + ", " + iterations + " iterations]";
    }
}
