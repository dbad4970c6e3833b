package org.countersign.api.admin;

import jakarta.ejb.Local;
import java.util.List;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.token.SoftTokenEnrolment;
import org.countersign.api.token.VerificationOutcome;

/**
 * Console accounts: administrators and helpdesk agents, each a built-in directory user with a role
 * and an own TOTP token (enrolled and verified by the token service, so replay protection, fail
 * counts and lockout apply). Every action is audited with actor and target. Container-managed and thread-safe.
 */
@Local
public interface AdminAccountService {

    /** @return whether the console still needs its first administrator (no account with an activated token exists) */
    boolean setupRequired();

    /**
     * Makes sure the one-time setup key exists while {@link #setupRequired()}: writes a new one to the
     * setup key file if there is none, and logs the file's path (never the key).
     *
     * @return the setup key file's path, for the page that asks for the key
     */
    String setupKeyLocation();

    /**
     * Creates the first administrator with a pending TOTP token. Allowed only while {@link #setupRequired()} and
     * with the setup key; calling it again for the same login (an abandoned attempt) needs the same password and
     * replaces the pending token.
     *
     * @param setupKey the key from the setup key file
     * @param account the account; its role must be {@link AdminRole#ADMINISTRATOR}
     * @param address the remote address, for the audit trail
     * @return the key URI and QR code of the new token: show them once
     * @throws AdminAccountException {@code BAD_SETUP_KEY}, {@code SETUP_DONE}, {@code LOGIN_TAKEN} or {@code INVALID}
     */
    SoftTokenEnrolment beginFirstAdministrator(String setupKey, NewAdministrator account, String address);

    /**
     * Creates a console account with a pending TOTP token.
     *
     * @param actor the signed-in administrator
     * @return the key URI and QR code of the new token: show them once
     * @throws AdminAccountException {@code LOGIN_TAKEN} or {@code INVALID}
     */
    SoftTokenEnrolment create(NewAdministrator account, String actor);

    /**
     * Activates an account's pending TOTP token with its first code. Activating the first administrator ends the
     * setup: the setup key file is deleted and the key is void from then on.
     *
     * @return the outcome; on acceptance the account may sign in
     * @throws AdminAccountException {@code NO_SUCH_ACCOUNT}
     */
    VerificationOutcome activate(String login, String code, AttemptSource source);

    /**
     * Signs in to the console: the built-in directory checks the password, the account's role is looked up and its
     * TOTP checks the passcode. Audited either way.
     *
     * @return granted with the roles, or refused with the reason
     */
    AdminSignIn authenticate(String login, char[] password, String passcode, AttemptSource source);

    /**
     * Asks a signed-in account for a fresh passcode before a sensitive action (re-authentication). Audited.
     *
     * @return accepted or rejected; a code is never accepted twice
     */
    VerificationOutcome reauthenticate(String login, String passcode, AttemptSource source);

    /** @return every console account, by login */
    List<AdministratorView> list();

    /**
     * @throws AdminAccountException {@code NO_SUCH_ACCOUNT}, or {@code LAST_ADMINISTRATOR} when it would leave no active administrator
     */
    AdministratorView changeRole(String login, AdminRole role, String actor);

    /**
     * Takes the console role away (the directory user and its tokens stay).
     *
     * @throws AdminAccountException {@code NO_SUCH_ACCOUNT}, or {@code LAST_ADMINISTRATOR} when it would leave no active administrator
     */
    void remove(String login, String actor);
}
