package org.countersign.otp;

/** A one-time password parameter (algorithm, digits, period, secret, code) that is refused, with the reason. */
public class InvalidOtpParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidOtpParameterException(String message) {
        super(message);
    }
}
