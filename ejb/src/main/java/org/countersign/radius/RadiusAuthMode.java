package org.countersign.radius;

/** How a RADIUS client presents the two factors. */
public enum RadiusAuthMode {
    /** Password and passcode in one User-Password field, the passcode last. */
    PASSWORD_AND_PASSCODE,
    /** Password first, then an Access-Challenge asking for the passcode. */
    CHALLENGE,
    /** Only the passcode: the client has checked the password already. */
    PASSCODE_ONLY
}
