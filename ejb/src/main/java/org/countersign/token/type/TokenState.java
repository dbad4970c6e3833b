package org.countersign.token.type;

import java.time.Instant;
import org.countersign.otp.OtpParameters;

/**
 * What a token type needs to judge one attempt: the token's stored state (seed unsealed in memory
 * only), the policy, and the binding of the attempt (the login that asked for an SMS or e-mail code).
 * {@link #toString()} never shows the seed.
 *
 * @param seed the unsealed seed of a seeded type, else {@code null}
 * @param parameters algorithm, digits, period of a seeded type, else {@code null}
 * @param lastAccepted last accepted step or counter, -1 before the first
 * @param codeHash keyed hash of the outstanding server-made code, or {@code null} when none is outstanding
 * @param codeBinding the login an SMS or e-mail code was sent for, or {@code null}
 * @param codeExpiresAt when the outstanding code stops being valid, or {@code null} for never
 * @param usesLeft uses left of the outstanding code
 * @param attemptBinding the login this attempt belongs to, or {@code null}
 * @param policy the installation's policy
 * @param hashes checks a code against {@code codeHash}
 */
public record TokenState(byte[] seed, OtpParameters parameters, long lastAccepted, String codeHash, String codeBinding,
                         Instant codeExpiresAt, int usesLeft, String attemptBinding, TokenPolicy policy, CodeHashes hashes) {

    @Override
    public String toString() {
        return "TokenState[lastAccepted=" + lastAccepted + ", code=" + (codeHash == null ? "none" : "outstanding")
                + ", usesLeft=" + usesLeft + "]";
    }
}
