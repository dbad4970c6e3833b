package org.countersign.token.type;

import java.time.Duration;

/**
 * The installation's verification policy, read from global settings.
 *
 * @param window TOTP drift window in steps either side (default 1)
 * @param lookAhead HOTP look-ahead in counters (default 10)
 * @param resyncWindow HOTP resynchronisation window (default 100)
 * @param lockoutThreshold consecutive failures that lock a token (default 10)
 * @param timedUnlock how long a lock lasts before one more try is allowed; zero: only an administrator unlocks
 * @param hardLimit consecutive failures after which timed unlock stops and only an administrator unlocks (default 30)
 * @param codeDigits digits of server-made codes: SMS, e-mail, day codes (default 6)
 * @param codeLifetime how long an SMS or e-mail passcode is valid, at most 10 minutes
 */
public record TokenPolicy(int window, int lookAhead, int resyncWindow, int lockoutThreshold, Duration timedUnlock,
                          int hardLimit, int codeDigits, Duration codeLifetime) {

    public TokenPolicy {
        require(window >= 0 && window <= 10, "otp.window must be 0 to 10, got " + window);
        require(lookAhead >= 0 && lookAhead <= 1000, "otp.hotp.look-ahead must be 0 to 1000, got " + lookAhead);
        require(resyncWindow >= 1 && resyncWindow <= 10_000, "otp.hotp.resync-window must be 1 to 10000, got " + resyncWindow);
        require(lockoutThreshold >= 1 && lockoutThreshold <= 100, "lockout.threshold must be 1 to 100, got " + lockoutThreshold);
        require(!timedUnlock.isNegative(), "lockout.timed-unlock-minutes must not be negative");
        require(hardLimit >= lockoutThreshold, "lockout.hard-limit must be at least lockout.threshold, got " + hardLimit);
        require(codeDigits >= 6 && codeDigits <= 10, "passcode.digits must be 6 to 10, got " + codeDigits);
        require(!codeLifetime.isNegative() && !codeLifetime.isZero() && codeLifetime.compareTo(Duration.ofMinutes(10)) <= 0,
                "passcode.lifetime-minutes must be 1 to 10, got " + codeLifetime.toMinutes());
    }

    /** The defaults of a fresh installation. */
    public static TokenPolicy defaults() {
        return new TokenPolicy(1, 10, 100, 10, Duration.ZERO, 30, 6, Duration.ofMinutes(10));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
