package org.countersign.delivery.sms;

/** An SMS could not be sent; the message says why in words an administrator can act on, and never holds the text sent. */
public class SmsDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SmsDeliveryException(String message) {
        super(message);
    }
}
