package org.countersign.api.directory;

/** The outcome of a directory password check. */
public sealed interface PasswordVerdict permits PasswordVerdict.Valid, PasswordVerdict.Invalid, PasswordVerdict.Refused,
        PasswordVerdict.Unavailable {

    /** @param user the user whose password it is */
    record Valid(DirectoryUserView user) implements PasswordVerdict {
    }

    /** Wrong password, unknown user, ambiguous login or empty password: deliberately one outcome. */
    record Invalid() implements PasswordVerdict {
    }

    /**
     * The password is right or unknowable, but the directory refuses the account.
     *
     * @param accountState DISABLED, LOCKED, PASSWORD_EXPIRED, MUST_CHANGE_PASSWORD or EXPIRED
     */
    record Refused(String accountState) implements PasswordVerdict {
    }

    /**
     * No directory server answered in time: the caller must fail closed.
     *
     * @param reason for the log and the audit record
     */
    record Unavailable(String reason) implements PasswordVerdict {
    }
}
