package org.countersign.api.user;

import jakarta.ejb.ApplicationException;

/**
 * A helpdesk action that cannot be done as asked. {@link #field()} names the input at fault when
 * there is one ({@code mobile}, {@code mail}, {@code tokenType}), so a form can show the message
 * beside it. Never holds a secret.
 */
@ApplicationException(rollback = true)
public class UserAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public UserAdminException(String field, String message) {
        super(message);
        this.field = field;
    }

    public UserAdminException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** @return the input at fault, or {@code null} when the action as a whole is refused */
    public String field() {
        return field;
    }
}
