package org.countersign.api.admin;

import jakarta.ejb.ApplicationException;

/** A console account change that is refused (wrong setup key, login taken, last administrator removed...); nothing was changed. */
@ApplicationException(rollback = true)
public class AdminAccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String code;

    /**
     * @param code a stable name of the condition, such as {@code BAD_SETUP_KEY}, for the console's messages
     * @param message an English explanation, never a secret
     */
    public AdminAccountException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** @return {@code BAD_SETUP_KEY}, {@code SETUP_DONE}, {@code LOGIN_TAKEN}, {@code INVALID}, {@code NO_SUCH_ACCOUNT} or {@code LAST_ADMINISTRATOR} */
    public String code() {
        return code;
    }
}
