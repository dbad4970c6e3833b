package org.countersign.api.user;

import java.time.Instant;

/**
 * One user as a search lists them.
 *
 * @param userId {@code <directory id>:<login>}
 * @param directoryId the directory the user belongs to
 * @param login login name as the directory stores it
 * @param displayName display name, or {@code null}
 * @param mobile mobile number as last read from or written to the directory, or {@code null}
 * @param mail e-mail address as last read from or written to the directory, or {@code null}
 * @param twoFactorEnabled enabled for two factors, by the helpdesk or through the directory's two-factor group
 * @param twoFactorMember member of the directory's two-factor group (then two factors cannot be switched off here)
 * @param tokenType the token type chosen for the user, or {@code null} when none was chosen
 * @param tokenState the most telling state of the user's tokens: LOCKED, ACTIVE, PENDING, or {@code null} without one
 * @param missing the last directory sync did not find the user any more
 * @param updatedAt when Countersign last changed or refreshed this record
 */
public record UserRow(String userId, String directoryId, String login, String displayName, String mobile, String mail,
                      boolean twoFactorEnabled, boolean twoFactorMember, String tokenType, String tokenState, boolean missing,
                      Instant updatedAt) {
}
