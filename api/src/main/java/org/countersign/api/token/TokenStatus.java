package org.countersign.api.token;

/** Where a token is in its life. Only ACTIVE tokens verify codes. */
public enum TokenStatus {
    /** Enrolled, waiting for the first correct code to activate it. */
    PENDING,
    /** In use. */
    ACTIVE,
    /** Too many consecutive wrong codes; an administrator unlocks it, or a timed unlock does. */
    LOCKED,
    /** Switched off by an administrator. */
    DISABLED,
    /** Reported lost by its user: never verifies again. */
    LOST
}
