package org.countersign.token.type;

import org.countersign.api.token.RejectReason;
import org.countersign.otp.Match;

/** A token type's verdict on one passcode. */
public sealed interface Verification permits Verification.Accepted, Verification.Rejected {

    /**
     * The code is right; the token service stores the advanced state in the same transaction.
     *
     * @param lastAccepted the new last accepted time step or counter (unchanged for code-hash types)
     * @param usesLeft uses left of a server-made code after this one (0 spends it)
     */
    record Accepted(long lastAccepted, int usesLeft) implements Verification {
    }

    /**
     * The code is not accepted.
     *
     * @param reason why
     */
    record Rejected(RejectReason reason) implements Verification {
    }

    /** The verdict of a step or counter match: found moves the token to that step, a replay or a miss is rejected. */
    static Verification of(Match match) {
        if (match instanceof Match.Found found) {
            return new Accepted(found.step(), 0);
        }
        return new Rejected(match instanceof Match.Replayed ? RejectReason.REPLAYED : RejectReason.WRONG_CODE);
    }
}
