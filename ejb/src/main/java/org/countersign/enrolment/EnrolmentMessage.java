package org.countersign.enrolment;

import java.time.Instant;

/**
 * What an enrolment message tells its user. {@link #toString()} hides the code.
 *
 * @param userId the directory-qualified user id
 * @param displayName the user's name, or {@code null}
 * @param mail the address to send it to
 * @param code the one-time enrolment code in clear; never log it
 * @param portalUrl the Manage My Token portal's public address
 * @param expiresAt when the code stops working
 */
public record EnrolmentMessage(String userId, String displayName, String mail, String code, String portalUrl, Instant expiresAt) {

    @Override
    public String toString() {
        return "EnrolmentMessage[" + userId + " <" + mail + ">, code (hidden), expires " + expiresAt + "]";
    }
}
