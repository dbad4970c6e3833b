package org.countersign.api.directory;

import jakarta.ejb.Local;
import java.util.Optional;

/**
 * Finds users and checks their directory passwords across every configured directory, in order.
 * Container-managed and thread-safe.
 */
@Local
public interface DirectoryService {

    /**
     * Checks a password. Login forms: {@code user}, {@code DOMAIN\\user}, {@code user@upn-suffix}.
     * Empty or white-space passwords are refused before any directory is asked.
     */
    PasswordVerdict verifyPassword(String login, char[] password);

    /** @return the user a login names, if exactly one directory entry matches it */
    Optional<DirectoryUserView> findUser(String login);

    /**
     * Creates a user in the built-in directory.
     *
     * @param password at least 8 characters; stored only as a PBKDF2 hash
     * @return the new user
     * @throws DirectoryConfigurationException if the login is taken or a value is refused
     */
    /**
     * Adds an LDAP or Active Directory after connecting to it once with the service account.
     *
     * @return the new directory's id
     * @throws DirectoryConfigurationException naming what is wrong: a bad setting, no server reachable, service account refused
     */
    String addLdapDirectory(LdapDirectorySettings settings, String actor);

    DirectoryUserView createInternalUser(String login, String displayName, char[] password, String mobile, String mail, String actor);
}
