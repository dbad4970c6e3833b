package org.countersign.api.user;

/** Narrows a user search by the state of the users' tokens. */
public enum TokenFilter {
    /** Any user. */
    ANY,
    /** Users without a pending, active or locked token. */
    NONE,
    /** Users with a token waiting for its first code. */
    PENDING,
    /** Users with an active token. */
    ACTIVE,
    /** Users with a locked token: the ones who call the helpdesk. */
    LOCKED
}
