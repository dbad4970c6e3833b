package org.countersign.api.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * An invitation to enrol: where the portal is and the one-time code to log in with.
 *
 * @param to the user's e-mail address
 * @param userId the user's id ({@code <directory id>:<login>}), for the audit trail and the {@code {user}} placeholder
 * @param displayName the name to greet the user with, or {@code null} to use the login
 * @param portalUrl the absolute URL of the Manage My Token portal
 * @param code the one-time enrolment code in clear; never logged, audited or shown by {@link #toString()}
 * @param expiresAt when the code stops working
 */
public record EnrolmentMessage(String to, String userId, String displayName, String portalUrl, String code, Instant expiresAt) {

    public EnrolmentMessage {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(portalUrl, "portalUrl");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "EnrolmentMessage[to=" + to + ", userId=" + userId + ", portalUrl=" + portalUrl + ", code=(hidden), expiresAt=" + expiresAt + "]";
    }
}
