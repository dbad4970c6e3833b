package org.countersign.api.radius;

/** The three answers RADIUS can give to an Access-Request (RFC 2865 section 4). */
public enum RadiusDecision {
    ACCEPT,
    REJECT,
    CHALLENGE
}
