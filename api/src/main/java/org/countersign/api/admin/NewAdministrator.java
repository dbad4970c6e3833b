package org.countersign.api.admin;

import java.util.Objects;

/**
 * A console account to create in the built-in directory. {@link #toString()} hides the password.
 *
 * @param login the login name, as for any built-in directory user
 * @param displayName the name shown in the console, or {@code null}
 * @param password at least 8 characters; stored only as a hash
 * @param mail an e-mail address, or {@code null}
 * @param role what the account may do
 */
public record NewAdministrator(String login, String displayName, char[] password, String mail, AdminRole role) {

    public NewAdministrator {
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String toString() {
        return "NewAdministrator[login=" + login + ", displayName=" + displayName + ", password=(hidden), mail=" + mail + ", role=" + role + "]";
    }
}
