package org.countersign.radius.wire;

/** RADIUS packet type codes (RFC 2865 section 3, RFC 2866 section 3, RFC 5997 section 2). */
public final class PacketCode {

    public static final int ACCESS_REQUEST = 1;
    public static final int ACCESS_ACCEPT = 2;
    public static final int ACCESS_REJECT = 3;
    public static final int ACCOUNTING_REQUEST = 4;
    public static final int ACCOUNTING_RESPONSE = 5;
    public static final int ACCESS_CHALLENGE = 11;
    public static final int STATUS_SERVER = 12;
    public static final int STATUS_CLIENT = 13;

    private PacketCode() {
    }

    /**
     * The code's name as the RFCs spell it, or {@code Unknown-<code>} for any other value.
     * Thread-safe.
     */
    public static String name(int code) {
        return switch (code) {
            case ACCESS_REQUEST -> "Access-Request";
            case ACCESS_ACCEPT -> "Access-Accept";
            case ACCESS_REJECT -> "Access-Reject";
            case ACCOUNTING_REQUEST -> "Accounting-Request";
            case ACCOUNTING_RESPONSE -> "Accounting-Response";
            case ACCESS_CHALLENGE -> "Access-Challenge";
            case STATUS_SERVER -> "Status-Server";
            case STATUS_CLIENT -> "Status-Client";
            default -> "Unknown-" + code;
        };
    }
}
