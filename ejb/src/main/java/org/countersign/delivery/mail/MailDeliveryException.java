package org.countersign.delivery.mail;

/** An e-mail could not be sent; the message says why in an administrator's words and never holds what was sent. */
public class MailDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailDeliveryException(String message) {
        super(message);
    }
}
