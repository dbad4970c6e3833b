package org.countersign.otp;

/**
 * Finds the step or counter an offered code belongs to. Every candidate in the window is computed
 * and compared in constant time, with no early exit. Steps and counters only move forward: a
 * match at or before {@code lastAccepted} is {@link Match.Replayed}. Thread-safe.
 */
public final class OtpMatcher {

    private OtpMatcher() {
    }

    /**
     * TOTP with a drift window (RFC 6238 section 5.2): steps {@code current-window .. current+window}.
     *
     * @param lastAccepted the last accepted step, or -1
     */
    public static Match totp(byte[] secret, OtpParameters parameters, Passcode offered, long currentStep, int window, long lastAccepted) {
        if (window < 0 || window > 10) {
            throw new InvalidOtpParameterException("TOTP window must be 0 to 10 steps, got " + window);
        }
        return search(secret, parameters, offered, Math.max(0, currentStep - window), currentStep + window, lastAccepted);
    }

    /**
     * HOTP with look-ahead (RFC 4226 section 7.2): counters {@code lastAccepted+1 .. lastAccepted+1+lookAhead}.
     * Counters at or before {@code lastAccepted} are not searched: an old code is simply not found.
     */
    public static Match hotp(byte[] secret, OtpParameters parameters, Passcode offered, long lastAccepted, int lookAhead) {
        if (lookAhead < 0 || lookAhead > 1000) {
            throw new InvalidOtpParameterException("HOTP look-ahead must be 0 to 1000, got " + lookAhead);
        }
        long first = lastAccepted + 1;
        return search(secret, parameters, offered, first, first + lookAhead, lastAccepted);
    }

    /**
     * HOTP resynchronisation (RFC 4226 section 7.4): two consecutive codes within a larger window.
     *
     * @return Found(counter of the second code), or NotFound
     */
    public static Match hotpResync(byte[] secret, OtpParameters parameters, Passcode first, Passcode second,
                                   long lastAccepted, int resyncWindow) {
        Match m = hotp(secret, parameters, first, lastAccepted, resyncWindow);
        if (m instanceof Match.Found found) {
            String next = Hotp.generate(secret, found.step() + 1, parameters.algorithm(), parameters.digits());
            if (second.matches(next)) {
                return new Match.Found(found.step() + 1);
            }
        }
        return new Match.NotFound();
    }

    private static Match search(byte[] secret, OtpParameters parameters, Passcode offered, long from, long to, long lastAccepted) {
        Hotp.requireSecret(secret);
        if (offered.length() != parameters.digits()) {
            return new Match.NotFound();
        }
        long newest = -1;
        long replayed = -1;
        for (long step = from; step <= to; step++) {
            boolean same = offered.matches(Hotp.generate(secret, step, parameters.algorithm(), parameters.digits()));
            if (same && step > lastAccepted && newest < 0) {
                newest = step;
            } else if (same && step <= lastAccepted && replayed < 0) {
                replayed = step;
            }
        }
        if (newest >= 0) {
            return new Match.Found(newest);
        }
        return replayed >= 0 ? new Match.Replayed(replayed) : new Match.NotFound();
    }
}
