package org.countersign.api.directory;

import java.util.Set;

/**
 * A user as a directory describes them.
 *
 * @param userId {@code <directory id>:<login>}, the id tokens and audit records use
 * @param directoryId the directory it was found in
 * @param login the login name as stored there
 * @param displayName display name, or {@code null}
 * @param mobile mobile number, or {@code null}
 * @param mail e-mail address, or {@code null}
 * @param twoFactorMember whether the user is in the directory's two-factor group (enabled automatically)
 * @param groups the DNs of the groups the user is a direct member of, lower-cased (empty where the directory has no groups)
 * @param entryDn the user's entry in an LDAP directory, as found; {@code null} for the built-in directory. Lets the password
 *                be checked by one bind, without searching for the user again ({@link DirectoryService#verifyPassword(DirectoryUserView, char[])})
 */
public record DirectoryUserView(String userId, String directoryId, String login, String displayName, String mobile, String mail,
                                boolean twoFactorMember, Set<String> groups, String entryDn) {

    public DirectoryUserView {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** A user as a directory without entry DNs describes them. */
    public DirectoryUserView(String userId, String directoryId, String login, String displayName, String mobile, String mail,
                             boolean twoFactorMember, Set<String> groups) {
        this(userId, directoryId, login, displayName, mobile, mail, twoFactorMember, groups, null);
    }

    /** A user of a directory without groups. */
    public DirectoryUserView(String userId, String directoryId, String login, String displayName, String mobile, String mail,
                             boolean twoFactorMember) {
        this(userId, directoryId, login, displayName, mobile, mail, twoFactorMember, Set.of());
    }
}
