package org.countersign.api.admin;

import java.util.Objects;
import java.util.Set;

/** The answer to a console sign-in: granted with the account's roles, or refused with the reason (for the audit trail, not for the screen). */
public sealed interface AdminSignIn permits AdminSignIn.Granted, AdminSignIn.Refused {

    /**
     * Password and passcode are right and the account holds a console role.
     *
     * @param login the login as stored
     * @param userId the directory-qualified user id
     * @param displayName display name, or {@code null}
     * @param roles the roles held (at least one)
     */
    record Granted(String login, String userId, String displayName, Set<AdminRole> roles) implements AdminSignIn {
        public Granted {
            Objects.requireNonNull(login, "login");
            roles = Set.copyOf(roles);
        }
    }

    /**
     * Not signed in. The console shows one message for every reason, so that outsiders learn nothing.
     *
     * @param reason {@code BAD_PASSWORD}, {@code ACCOUNT_REFUSED}, {@code NOT_A_CONSOLE_ACCOUNT}, {@code DIRECTORY_UNAVAILABLE},
     *               or a passcode {@code RejectReason} name ({@code WRONG_CODE}, {@code REPLAYED}, {@code LOCKED}, {@code NO_TOKEN}, ...)
     */
    record Refused(String reason) implements AdminSignIn {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
