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

    /**
     * Checks the password of a user found a moment ago by {@link #findUser(String)}: one bind as the entry found, no second
     * search. Same verdicts as {@link #verifyPassword(String, char[])}; a user whose directory is gone is {@code Invalid}.
     */
    PasswordVerdict verifyPassword(DirectoryUserView user, char[] password);

    /** @return the user a login names, if exactly one directory entry matches it */
    Optional<DirectoryUserView> findUser(String login);

    /**
     * Looks a user up by the id tokens and audit records use, in the one directory the id names, for example
     * to find the mobile number or address a passcode goes to.
     *
     * @param userId {@code <directory id>:<login>}
     * @return the user as the directory describes them now; empty if there is no such user or directory, or the directory does not answer
     */
    Optional<DirectoryUserView> findById(String userId);

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

    /**
     * The settings of an LDAP directory as they are stored, for a form that shows them again.
     *
     * @return the settings with {@code bindPassword} {@code null} (the password is never read back), or empty if
     *     there is no LDAP directory with that id
     */
    Optional<LdapDirectorySettings> ldapDirectory(String directoryId);

    /**
     * Changes an LDAP directory after connecting once with the new settings; its id stays. Audited as
     * {@code directory.update}.
     *
     * @param settings the new settings; a {@code null} {@code bindPassword} keeps the stored one
     * @throws DirectoryConfigurationException if there is no such directory, or naming what is wrong as on
     *     {@link #addLdapDirectory}
     */
    void updateLdapDirectory(String directoryId, LdapDirectorySettings settings, String actor);

    /**
     * Removes an LDAP directory: its users are no longer found, they leave the user index (with what Countersign alone
     * knew of them: two factors switched on, the chosen token type), and its connections are closed.
     */
    void removeLdapDirectory(String directoryId, String actor);

    /**
     * Tests each server of an LDAP directory in turn: reachable, TLS, service account, base DN, user filter.
     *
     * @return one result per server, in failover order
     * @throws DirectoryConfigurationException if there is no such directory
     */
    java.util.List<ServerTestView> testConnection(String directoryId);

    /**
     * Writes a user's mobile number and e-mail address back to their directory, as the service account.
     *
     * @param mobile the new number, or {@code null} to leave it
     * @param mail the new address, or {@code null} to leave it
     * @throws DirectoryConfigurationException naming the attribute when the directory refuses the write
     */
    DirectoryUserView updateContact(String userId, String mobile, String mail, String actor);

    DirectoryUserView createInternalUser(String login, String displayName, char[] password, String mobile, String mail, String actor);
}
