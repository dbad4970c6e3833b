package org.countersign.radius.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded RADIUS packet (RFC 2865 section 3): code, identifier, the 16-octet authenticator and the
 * attributes in packet order. Immutable and thread-safe. The code is any octet: an unknown code is
 * the caller's decision, not a decoding error.
 */
public final class RadiusPacket {

    /** Octets in the Authenticator field. */
    public static final int AUTHENTICATOR_LENGTH = 16;

    private final int code;
    private final int identifier;
    private final byte[] authenticator;
    private final List<RadiusAttribute> attributes;

    /**
     * @param code the Code octet, 0-255
     * @param identifier the Identifier octet, 0-255
     * @param authenticator16 the Authenticator field, exactly 16 octets (copied)
     * @param attributes the attributes in packet order (copied)
     */
    public RadiusPacket(int code, int identifier, byte[] authenticator16, List<RadiusAttribute> attributes) {
        this.code = checkOctet(code, "code");
        this.identifier = checkOctet(identifier, "identifier");
        this.authenticator = checkAuthenticator(authenticator16, "authenticator").clone();
        this.attributes = List.copyOf(attributes);
    }

    public int code() {
        return code;
    }

    public int identifier() {
        return identifier;
    }

    /** A copy of the Authenticator field. */
    public byte[] authenticator() {
        return authenticator.clone();
    }

    /** The attributes in packet order, unmodifiable. */
    public List<RadiusAttribute> attributes() {
        return attributes;
    }

    /** The first attribute of the given type, if any. */
    public Optional<RadiusAttribute> first(int type) {
        for (RadiusAttribute attribute : attributes) {
            if (attribute.type() == type) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    /** Every attribute of the given type in packet order (for example Proxy-State, RFC 2865 section 5.33). */
    public List<RadiusAttribute> all(int type) {
        return attributes.stream().filter(a -> a.type() == type).toList();
    }

    @Override
    public String toString() {
        return "RadiusPacket[" + PacketCode.name(code) + ", id=" + identifier + ", attributes=" + attributes + "]";
    }

    static int checkOctet(int value, String what) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(what + " must be 0-255, was " + value);
        }
        return value;
    }

    static byte[] checkAuthenticator(byte[] authenticator, String what) {
        Objects.requireNonNull(authenticator, what);
        if (authenticator.length != AUTHENTICATOR_LENGTH) {
            throw new IllegalArgumentException(what + " must be 16 octets, was " + authenticator.length);
        }
        return authenticator;
    }
}
