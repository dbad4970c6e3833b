package org.countersign.seal;

/** The master key file is missing, unreadable, too open or damaged. The message names the file and what to do. */
public class MasterKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MasterKeyException(String message) {
        super(message);
    }

    public MasterKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
