package org.countersign.radius.wire;

/** Outcome of checking a Message-Authenticator (RFC 3579 section 3.2). */
public enum MessageAuthenticatorCheck {
    /** The packet carries no Message-Authenticator. */
    ABSENT,
    /** Exactly one Message-Authenticator, 16 octets, matching the shared secret. */
    VALID,
    /** A wrong value, a wrong length, or more than one Message-Authenticator. */
    INVALID
}
