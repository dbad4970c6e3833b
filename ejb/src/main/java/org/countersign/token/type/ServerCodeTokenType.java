package org.countersign.token.type;

import java.time.Instant;
import org.countersign.api.token.RejectReason;
import org.countersign.otp.Passcode;

/**
 * A type whose codes the server makes and stores only as keyed hashes (SMS, e-mail, day, temporary).
 * The check they share: outstanding, bound to the login where required, in date, matching its hash. Thread-safe.
 */
public abstract class ServerCodeTokenType extends DeclaredTokenType {

    private final boolean checkBinding;

    /**
     * @param outOfBand sent when a login asks for it; such codes are bound to that login
     * @param userEnrollable users may choose it themselves
     */
    protected ServerCodeTokenType(TokenTypeId id, boolean outOfBand, boolean userEnrollable) {
        super(id, declare(id, false, true, outOfBand, userEnrollable));
        this.checkBinding = outOfBand;
    }

    @Override
    public Verification verify(TokenState state, Passcode offered, Instant now) {
        return verify(state, offered, now, checkBinding);
    }

    /**
     * @param checkBinding whether the code must be used by the login it was sent for (SMS, e-mail)
     * @return accepted with one use spent, or the reason it is not
     */
    static Verification verify(TokenState state, Passcode offered, Instant now, boolean checkBinding) {
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
