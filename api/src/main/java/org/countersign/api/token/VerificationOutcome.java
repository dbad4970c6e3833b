package org.countersign.api.token;

import java.util.Objects;

/** The answer to "is this passcode right for this user, now, and never seen before?". */
public sealed interface VerificationOutcome permits VerificationOutcome.Accepted, VerificationOutcome.Rejected {

    /** @return true for {@link Accepted} */
    default boolean accepted() {
        return this instanceof Accepted;
    }

    /**
     * The passcode was right; the token's state has moved forward so it cannot be used again.
     *
     * @param tokenId the token that accepted it
     * @param type its type id
     */
    record Accepted(String tokenId, String type) implements VerificationOutcome {
        public Accepted {
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * The passcode was not accepted.
     *
     * @param reason why
     * @param tokenId the token it was checked against, or {@code null} when no token was found
     */
    record Rejected(RejectReason reason, String tokenId) implements VerificationOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
