package org.countersign.otp;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HOTP (RFC 4226 section 5): HMAC over the 8-byte counter, dynamic truncation, modulo 10^digits. Thread-safe. */
public final class Hotp {

    /** Shortest shared secret accepted: RFC 4226 section 4 requires 128 bits. */
    public static final int MIN_SECRET_BYTES = 16;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /**
     * One Mac per algorithm per thread, used only inside {@link #generate} from init to doFinal: the JCA provider look-up
     * of {@code Mac.getInstance} cost more than the HMAC itself, and a verification computes up to three codes.
     */
    private static final ThreadLocal<Mac[]> MACS = ThreadLocal.withInitial(() -> new Mac[OtpAlgorithm.values().length]);

    private Hotp() {
    }

    /**
     * @param secret the shared secret, at least 16 bytes
     * @param counter the moving factor
     * @return the code, zero-padded to {@code digits}
     * @throws InvalidOtpParameterException if the secret is too short
     */
    public static String generate(byte[] secret, long counter, OtpAlgorithm algorithm, int digits) {
        requireSecret(secret);
        if (digits != 6 && digits != 8) {
            throw new InvalidOtpParameterException("OTP digits must be 6 or 8, got " + digits);
        }
        byte[] message = new byte[8];
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= 8;
        }
        byte[] hash;
        try {
            Mac[] macs = MACS.get();
            Mac mac = macs[algorithm.ordinal()];
            if (mac == null) {
                mac = Mac.getInstance(algorithm.macName());
                macs[algorithm.ordinal()] = mac;
            }
            mac.init(new SecretKeySpec(secret, algorithm.macName())); // also resets whatever an earlier call left
            hash = mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.macName() + " is not available in this JVM", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    static void requireSecret(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new InvalidOtpParameterException("OTP secret must be at least " + MIN_SECRET_BYTES + " bytes, got "
                    + (secret == null ? 0 : secret.length));
        }
    }
}
