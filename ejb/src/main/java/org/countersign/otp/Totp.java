package org.countersign.otp;

import java.time.Instant;

/** TOTP (RFC 6238 section 4): HOTP over the number of whole periods since the Unix epoch, in 64 bits. Thread-safe. */
public final class Totp {

    private Totp() {
    }

    /** @return the time step of {@code time} (T0 = 0); negative times are refused */
    public static long step(Instant time, OtpParameters parameters) {
        long seconds = time.getEpochSecond();
        if (seconds < 0) {
            throw new InvalidOtpParameterException("TOTP time before 1970 is not supported");
        }
        return seconds / parameters.period().toSeconds();
    }

    /** @return the code at {@code time} */
    public static String generate(byte[] secret, Instant time, OtpParameters parameters) {
        return generateAtStep(secret, step(time, parameters), parameters);
    }

    /** @return the code of time step {@code step} */
    public static String generateAtStep(byte[] secret, long step, OtpParameters parameters) {
        return Hotp.generate(secret, step, parameters.algorithm(), parameters.digits());
    }
}
