package org.countersign.otp;

import java.time.Duration;
import java.util.Objects;

/**
 * How codes are computed: algorithm, 6 or 8 digits, and (TOTP) a 30 or 60 second step.
 *
 * @param algorithm the HMAC
 * @param digits 6 or 8
 * @param period 30 or 60 seconds
 */
public record OtpParameters(OtpAlgorithm algorithm, int digits, Duration period) {

    public OtpParameters {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(period, "period");
        if (digits != 6 && digits != 8) {
            throw new InvalidOtpParameterException("OTP digits must be 6 or 8, got " + digits);
        }
        if (!period.equals(Duration.ofSeconds(30)) && !period.equals(Duration.ofSeconds(60))) {
            throw new InvalidOtpParameterException("TOTP period must be 30 or 60 seconds, got " + period.toSeconds());
        }
    }

    /** @throws InvalidOtpParameterException when a value is refused */
    public static OtpParameters of(String algorithm, int digits, int periodSeconds) {
        if (periodSeconds <= 0) {
            throw new InvalidOtpParameterException("TOTP period must be 30 or 60 seconds, got " + periodSeconds);
        }
        return new OtpParameters(OtpAlgorithm.parse(algorithm), digits, Duration.ofSeconds(periodSeconds));
    }

    /** SHA1, 6 digits, 30 s. */
    public static OtpParameters defaults() {
        return new OtpParameters(OtpAlgorithm.SHA1, 6, Duration.ofSeconds(30));
    }
}
