package org.countersign.api.delivery;

import jakarta.ejb.ApplicationException;

/** A mail server setting that is refused; the message names the field and never holds a password. */
@ApplicationException(rollback = true)
public class MailSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailSettingsException(String message) {
        super(message);
    }
}
