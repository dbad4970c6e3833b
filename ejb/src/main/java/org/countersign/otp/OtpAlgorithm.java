package org.countersign.otp;

import java.util.Locale;

/** The HMAC behind a one-time password (RFC 6238 section 1.2). */
public enum OtpAlgorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    private final String macName;

    OtpAlgorithm(String macName) {
        this.macName = macName;
    }

    /** @return the JCA name of the HMAC */
    public String macName() {
        return macName;
    }

    /**
     * Parses {@code SHA1}, {@code SHA-1}, {@code HmacSHA256}, ... in any case.
     *
     * @throws InvalidOtpParameterException for anything else, such as MD5
     */
    public static OtpAlgorithm parse(String name) {
        if (name != null) {
            String n = name.trim().toUpperCase(Locale.ROOT).replace("-", "");
            if (n.startsWith("HMAC")) {
                n = n.substring(4);
            }
            for (OtpAlgorithm a : values()) {
                if (a.name().equals(n)) {
                    return a;
                }
            }
        }
        throw new InvalidOtpParameterException("unknown OTP algorithm '" + name + "': use SHA1, SHA256 or SHA512");
    }
}
