package org.countersign.api.admin;

import java.time.Instant;

/**
 * A console account as the console lists it.
 *
 * @param login its login name
 * @param userId the directory-qualified user id
 * @param displayName display name, or {@code null}
 * @param role what it may do
 * @param active whether its TOTP token is activated (an account whose token is not may not sign in)
 * @param createdAt when it was created
 * @param createdBy who created it ({@code setup} for the first administrator)
 */
public record AdministratorView(String login, String userId, String displayName, AdminRole role, boolean active, Instant createdAt,
                                String createdBy) {
}
