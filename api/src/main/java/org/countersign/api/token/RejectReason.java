package org.countersign.api.token;

/** Why a passcode was not accepted. Every one of these counts as a failed attempt on the user's usable tokens, except NO_TOKEN and LOCKED. */
public enum RejectReason {
    /** The code does not match. */
    WRONG_CODE,
    /** The code matched a time step or counter already used: never accepted twice. */
    REPLAYED,
    /** The code matched but is no longer valid (SMS/e-mail passcode after its lifetime, temporary code after its days or uses). */
    EXPIRED,
    /** The token is locked after too many failures. */
    LOCKED,
    /** The user has no active token that could take this code. */
    NO_TOKEN,
    /** The code is empty, not ASCII digits, or of the wrong length. */
    MALFORMED
}
