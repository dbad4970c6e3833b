package org.countersign.seal;

/** A sealed value cannot be opened: damaged, bound to another row, or sealed under an unknown key. Fails closed. */
public class SealException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SealException(String message) {
        super(message);
    }

    public SealException(String message, Throwable cause) {
        super(message, cause);
    }
}
