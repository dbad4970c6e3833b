package org.countersign.radius.wire;

/**
 * The attribute numbers the wire machinery itself must know (RFC 2865 section 5, RFC 2869 section 5).
 * Business code names attributes through {@link RadiusDictionary}, never by these numbers.
 */
public final class AttributeType {

    public static final int USER_NAME = 1;
    public static final int USER_PASSWORD = 2;
    public static final int CHAP_PASSWORD = 3;
    public static final int NAS_IP_ADDRESS = 4;
    public static final int SERVICE_TYPE = 6;
    public static final int REPLY_MESSAGE = 18;
    public static final int STATE = 24;
    public static final int CLASS = 25;
    public static final int CALLING_STATION_ID = 31;
    public static final int NAS_IDENTIFIER = 32;
    public static final int PROXY_STATE = 33;
    public static final int EAP_MESSAGE = 79;
    public static final int MESSAGE_AUTHENTICATOR = 80;
    public static final int NAS_IPV6_ADDRESS = 95;

    private AttributeType() {
    }
}
