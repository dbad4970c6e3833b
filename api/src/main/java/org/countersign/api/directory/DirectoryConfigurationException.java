package org.countersign.api.directory;

import jakarta.ejb.ApplicationException;

/** A directory or user setting that is refused; the message says what is wrong and never holds a password. */
@ApplicationException(rollback = true)
public class DirectoryConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DirectoryConfigurationException(String message) {
        super(message);
    }

    public DirectoryConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
