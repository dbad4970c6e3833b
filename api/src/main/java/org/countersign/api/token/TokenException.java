package org.countersign.api.token;

import jakarta.ejb.ApplicationException;

/**
 * A token operation that cannot be done as asked (unknown token, wrong state, bad parameters).
 * The message says what is wrong in words an administrator can act on, and never holds a secret.
 */
@ApplicationException(rollback = true)
public class TokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TokenException(String message) {
        super(message);
    }

    public TokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
