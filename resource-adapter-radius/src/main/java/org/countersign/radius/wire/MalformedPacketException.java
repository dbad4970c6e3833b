package org.countersign.radius.wire;

/**
 * A datagram or attribute breaks a rule of the RADIUS wire format. The {@link #reason()} is a short
 * fixed phrase (never packet content) fit for a counter key or an audit line. The exception carries no
 * stack trace: it is expected, frequent under attack, and cheap to throw.
 */
public final class MalformedPacketException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public MalformedPacketException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** The fixed phrase naming the broken rule, for example {@code "short datagram"}. */
    public String reason() {
        return reason;
    }
}
