package org.countersign.api.user;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/**
 * The helpdesk's view of users: a fast search over Countersign's index of every user it knows, and
 * the actions on one user. Each action is audited with its actor and the target user; none returns
 * or records a secret, except {@link #issueTemporaryCode}, whose code is returned once. Actions on a
 * user the index does not hold look the user up in the directories first. Container-managed and thread-safe.
 */
@Local
public interface UserAdminService {

    /** Searches count matches up to this many; beyond it a page says {@link UserPage#capped()}. */
    int COUNT_LIMIT = 1_000;

    /**
     * One page of users matching a query, from Countersign's index (never a directory round trip), so
     * it stays fast with hundreds of thousands of users. The index learns users when they are created
     * in the built-in directory, when any directory lookup finds them (a login, a helpdesk action) and
     * from the {@code directory-sync} job.
     *
     * @return the page and the number of matches, counted up to {@link #COUNT_LIMIT}
     * @throws UserAdminException if the page size is not 1 to 500 or {@code first} is negative
     */
    UserPage search(UserQuery query);

    /** @return the user with their tokens, if the index or a directory knows them */
    Optional<UserDetail> find(String userId);

    /** @return the token types the helpdesk may choose, as the deployed types describe themselves */
    List<TokenTypeChoice> tokenTypes();

    /**
     * Switches two factors on or off for a user. A user switched on is never let in with a password alone.
     * Switching off disables the user's pending, active and locked tokens and revokes open enrolment codes;
     * the user then logs in as the password-only policy allows. Members of the directory's two-factor group stay on.
     *
     * @throws UserAdminException when switching off a member of the two-factor group
     */
    UserDetail setTwoFactor(String userId, boolean enabled, String actor);

    /**
     * Chooses the token type the user will enrol.
     *
     * @throws UserAdminException (field {@code tokenType}) for a type that is not offered, or one that needs a
     *                            mobile number or e-mail address the user does not have
     */
    UserDetail chooseTokenType(String userId, String tokenType, String actor);

    /**
     * Writes a user's mobile number and e-mail address to their directory, then refreshes the index.
     *
     * @param mobile international format (+ and 6 to 15 digits; spaces, dashes, dots and brackets allowed), or {@code null} to keep it
     * @param mail an address with one @, or {@code null} to keep it
     * @throws UserAdminException (field {@code mobile} or {@code mail}) when a value is refused, by this
     *                            service or by the directory
     */
    UserDetail updateContact(String userId, String mobile, String mail, String actor);

    /**
     * Sends (or sends again) the enrolment message: a new one-time enrolment code, stored only as a keyed
     * hash, and the link to the Manage My Token portal, by e-mail. Earlier open codes of the user stop working.
     *
     * @throws UserAdminException when the user is not enabled for two factors or has no e-mail address, or no
     *                            e-mail delivery is installed
     */
    UserDetail sendEnrolment(String userId, String actor);

    /**
     * Unlocks the user's locked tokens and clears their fail counts.
     *
     * @throws UserAdminException when no token of the user is locked
     */
    UserDetail unlock(String userId, String actor);

    /**
     * Issues a temporary code (lost token).
     *
     * @param validDays 1 to 30
     * @param maxUses 1 to 1000
     * @return the code: show it once, it is never stored in clear
     * @throws UserAdminException when the user is not enabled for two factors or a limit is out of range
     */
    String issueTemporaryCode(String userId, int validDays, int maxUses, String actor);

    /**
     * Resets the user's tokens: every token that is not LOST is disabled, and a new enrolment is sent.
     *
     * @throws UserAdminException as {@link #sendEnrolment}; then no token is changed
     */
    UserDetail resetTokens(String userId, String actor);
}
