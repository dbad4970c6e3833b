package org.countersign.otp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A code a user typed: 4 to 16 ASCII digits (not merely {@code Character.isDigit}: Arabic-Indic or
 * full-width digits are refused). {@link #toString()} masks it. Immutable and thread-safe.
 */
public final class Passcode {

    private final String digits;

    private Passcode(String digits) {
        this.digits = digits;
    }

    /** @throws InvalidOtpParameterException for null, empty, blank, too long, non-ASCII or non-digit input */
    public static Passcode parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidOtpParameterException("passcode is empty");
        }
        String s = typed.strip();
        if (s.length() < 4 || s.length() > 16) {
            throw new InvalidOtpParameterException("passcode must be 4 to 16 digits, got " + s.length() + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidOtpParameterException("passcode must be ASCII digits 0-9 only");
            }
        }
        return new Passcode(s);
    }

    /** @return the number of digits */
    public int length() {
        return digits.length();
    }

    /** @return the digits; never log them */
    public String value() {
        return digits;
    }

    /** Constant-time comparison with an expected code. */
    public boolean matches(String expected) {
        return expected != null && MessageDigest.isEqual(digits.getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "Passcode[" + digits.length() + " digits]";
    }
}
