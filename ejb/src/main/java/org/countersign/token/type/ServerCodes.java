package org.countersign.token.type;

import java.time.Instant;
import org.countersign.api.token.RejectReason;
import org.countersign.otp.Passcode;

/** The check every server-made code type shares: outstanding, bound, in date, matching its hash. Thread-safe. */
public final class ServerCodes {

    private ServerCodes() {
    }

    /**
     * @param checkBinding whether the code must be used by the login it was sent for (SMS, e-mail)
     * @return accepted with one use spent, or the reason it is not
     */
    public static Verification verify(TokenState state, Passcode offered, Instant now, boolean checkBinding) {
        if (state.codeHash() == null) {
            return new Verification.Rejected(RejectReason.WRONG_CODE);
        }
        boolean matches = state.hashes().matches(state.codeHash(), offered.value());
        if (!matches) {
            return new Verification.Rejected(RejectReason.WRONG_CODE);
        }
        if (checkBinding && (state.codeBinding() == null || !state.codeBinding().equals(state.attemptBinding()))) {
            return new Verification.Rejected(RejectReason.WRONG_CODE);
        }
        if (state.usesLeft() <= 0 || (state.codeExpiresAt() != null && !now.isBefore(state.codeExpiresAt()))) {
            return new Verification.Rejected(RejectReason.EXPIRED);
        }
        return new Verification.Accepted(state.lastAccepted(), state.usesLeft() - 1);
    }
}
