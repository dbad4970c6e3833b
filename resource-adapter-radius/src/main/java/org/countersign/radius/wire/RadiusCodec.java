package org.countersign.radius.wire;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Strict decoding and encoding of RADIUS datagrams (RFC 2865 section 3) with the authenticators of
 * RFC 2865 section 3, RFC 2866 section 3 and RFC 3579 section 3.2. Stateless and thread-safe.
 */
public final class RadiusCodec {

    /** Octets of Code, Identifier, Length and Authenticator. */
    public static final int HEADER_LENGTH = 20;
    /** Largest packet RFC 2865 section 3 allows. */
    public static final int MAX_PACKET_LENGTH = 4096;

    static final int AUTHENTICATOR_OFFSET = 4;
    private static final int MESSAGE_AUTHENTICATOR_LENGTH = 16;
    private static final int MAX_USER_PASSWORD_LENGTH = 128;

    private RadiusCodec() {
    }

    /**
     * Decodes one datagram strictly per RFC 2865 section 3 and 5. {@code data[offset, offset+length)} is
     * the datagram; octets beyond its Length field are ignored as section 3 requires. An unknown code is
     * not an error. Thread-safe.
     *
     * @throws MalformedPacketException with a fixed reason: {@code short datagram},
     *         {@code length field too small}, {@code length field too large},
     *         {@code length field exceeds datagram}, {@code attribute length too small},
     *         {@code attribute runs past length}, {@code attribute type zero},
     *         {@code duplicate single-valued attribute} (Access-Request only),
     *         {@code user-password length invalid}
     * @throws IndexOutOfBoundsException if offset and length do not lie within {@code data}
     */
    public static RadiusPacket decode(byte[] data, int offset, int length) throws MalformedPacketException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length < HEADER_LENGTH) {
            throw new MalformedPacketException("short datagram");
        }
        int code = data[offset] & 0xff;
        int identifier = data[offset + 1] & 0xff;
        int declared = lengthField(data, offset);
        if (declared < HEADER_LENGTH) {
            throw new MalformedPacketException("length field too small");
        }
        if (declared > MAX_PACKET_LENGTH) {
            throw new MalformedPacketException("length field too large");
        }
        if (declared > length) {
            throw new MalformedPacketException("length field exceeds datagram");
        }
        byte[] authenticator = new byte[RadiusPacket.AUTHENTICATOR_LENGTH];
        System.arraycopy(data, offset + AUTHENTICATOR_OFFSET, authenticator, 0, authenticator.length);

        List<RadiusAttribute> attributes = new ArrayList<>();
        boolean[] seen = new boolean[256];
        int end = offset + declared;
        int pos = offset + HEADER_LENGTH;
        while (pos < end) {
            if (end - pos < 2) {
                throw new MalformedPacketException("attribute runs past length");
            }
            int type = data[pos] & 0xff;
            int attributeLength = data[pos + 1] & 0xff;
            if (attributeLength < 2) {
                throw new MalformedPacketException("attribute length too small");
            }
            if (attributeLength > end - pos) {
                throw new MalformedPacketException("attribute runs past length");
            }
            if (type == 0) {
                throw new MalformedPacketException("attribute type zero");
            }
            int valueLength = attributeLength - 2;
            if (code == PacketCode.ACCESS_REQUEST && isSingleValued(type)) {
                if (seen[type]) {
                    throw new MalformedPacketException("duplicate single-valued attribute");
                }
                seen[type] = true;
            }
            if (type == AttributeType.USER_PASSWORD
                    && (valueLength == 0 || valueLength % 16 != 0 || valueLength > MAX_USER_PASSWORD_LENGTH)) {
                throw new MalformedPacketException("user-password length invalid");
            }
            byte[] value = new byte[valueLength];
            System.arraycopy(data, pos + 2, value, 0, valueLength);
            attributes.add(new RadiusAttribute(type, value));
            pos += attributeLength;
        }
        return new RadiusPacket(code, identifier, authenticator, attributes);
    }

    /**
     * Encodes a reply to a request: Access-Accept, Access-Reject or Access-Challenge (RFC 2865 section 3),
     * or Accounting-Response (RFC 2866 section 3). Except for Accounting-Response, a Message-Authenticator
     * is written as the first attribute (RFC 3579 section 3.2, HMAC-MD5 keyed with the secret over the
     * packet with the Request Authenticator in the Authenticator field and the Message-Authenticator
     * zeroed). Any Message-Authenticator in {@code attributes} is dropped, for every code. The other attributes keep
     * their order, so Proxy-State is echoed as given. Then the Response Authenticator is
     * MD5(Code+Identifier+Length+RequestAuthenticator+Attributes+Secret). Thread-safe.
     *
     * @throws IllegalArgumentException for another code, a bad identifier or authenticator, an empty
     *         secret, or a packet over 4096 octets
     */
    public static byte[] encodeReply(int code, int identifier, byte[] requestAuthenticator,
                                     List<RadiusAttribute> attributes, byte[] secret) {
        if (code != PacketCode.ACCESS_ACCEPT && code != PacketCode.ACCESS_REJECT
                && code != PacketCode.ACCESS_CHALLENGE && code != PacketCode.ACCOUNTING_RESPONSE) {
            throw new IllegalArgumentException("not a reply code: " + PacketCode.name(code));
        }
        RadiusPacket.checkAuthenticator(requestAuthenticator, "requestAuthenticator");
        Digests.checkSecret(secret);
        boolean withMessageAuthenticator = code != PacketCode.ACCOUNTING_RESPONSE;
        byte[] packet = layOut(code, identifier, requestAuthenticator, attributes, withMessageAuthenticator, true);
        if (withMessageAuthenticator) {
            signMessageAuthenticator(packet, secret);
        }
        byte[] response = responseAuthenticator(packet, secret);
        System.arraycopy(response, 0, packet, AUTHENTICATOR_OFFSET, response.length);
        return packet;
    }

    /**
     * Encodes a request, as a client or a test would. Access-Request and Status-Server carry the given
     * random Request Authenticator (RFC 2865 section 3); hide User-Password with
     * {@link UserPassword#encrypt} under that same authenticator before passing it here. Accounting-Request
     * gets the Request Authenticator of RFC 2866 section 3 and {@code authenticator} is ignored (may be
     * {@code null}). With {@code addMessageAuthenticator} a Message-Authenticator is written first
     * (RFC 3579 section 3.2) and any in {@code attributes} is dropped; without it, attributes are written
     * exactly as given. Thread-safe.
     *
     * @throws IllegalArgumentException for another code, a bad identifier or authenticator, an empty
     *         secret, or a packet over 4096 octets
     */
    public static byte[] encodeRequest(int code, int identifier, byte[] authenticator, List<RadiusAttribute> attributes,
                                       byte[] secret, boolean addMessageAuthenticator) {
        Digests.checkSecret(secret);
        switch (code) {
            case PacketCode.ACCESS_REQUEST, PacketCode.STATUS_SERVER -> {
                RadiusPacket.checkAuthenticator(authenticator, "authenticator");
                byte[] packet = layOut(code, identifier, authenticator, attributes, addMessageAuthenticator,
                        addMessageAuthenticator);
                if (addMessageAuthenticator) {
                    signMessageAuthenticator(packet, secret);
                }
                return packet;
            }
            case PacketCode.ACCOUNTING_REQUEST -> {
                byte[] packet = layOut(code, identifier, new byte[RadiusPacket.AUTHENTICATOR_LENGTH], attributes,
                        addMessageAuthenticator, addMessageAuthenticator);
                if (addMessageAuthenticator) {
                    signMessageAuthenticator(packet, secret);
                }
                byte[] requestAuthenticator = responseAuthenticator(packet, secret);
                System.arraycopy(requestAuthenticator, 0, packet, AUTHENTICATOR_OFFSET, requestAuthenticator.length);
                return packet;
            }
            default -> throw new IllegalArgumentException("not a request code: " + PacketCode.name(code));
        }
    }

    /**
     * MD5 over the packet's first Length octets followed by the secret: the Response Authenticator when
     * the Authenticator field holds the Request Authenticator (RFC 2865 section 3), the Accounting-Request
     * authenticator when it holds zeros (RFC 2866 section 3).
     */
    static byte[] responseAuthenticator(byte[] packet, byte[] secret) {
        MessageDigest md5 = Digests.md5();
        md5.update(packet, 0, lengthField(packet, 0));
        md5.update(secret);
        return md5.digest();
    }

    static int lengthField(byte[] data, int offset) {
        return ((data[offset + 2] & 0xff) << 8) | (data[offset + 3] & 0xff);
    }

    private static boolean isSingleValued(int type) {
        return switch (type) {
            case AttributeType.USER_NAME, AttributeType.USER_PASSWORD, AttributeType.CHAP_PASSWORD,
                    AttributeType.STATE, AttributeType.MESSAGE_AUTHENTICATOR, AttributeType.NAS_IP_ADDRESS,
                    AttributeType.NAS_IDENTIFIER -> true;
            default -> false;
        };
    }

    /** Header and attributes, with a zeroed Message-Authenticator first and others dropped, if asked. */
    private static byte[] layOut(int code, int identifier, byte[] authenticator, List<RadiusAttribute> attributes,
                                 boolean withMessageAuthenticator, boolean dropGivenMessageAuthenticators) {
        RadiusPacket.checkOctet(identifier, "identifier");
        List<RadiusAttribute> written = new ArrayList<>(attributes.size() + 1);
        if (withMessageAuthenticator) {
            written.add(new RadiusAttribute(AttributeType.MESSAGE_AUTHENTICATOR, new byte[MESSAGE_AUTHENTICATOR_LENGTH]));
        }
        for (RadiusAttribute attribute : attributes) {
            if (!(dropGivenMessageAuthenticators && attribute.type() == AttributeType.MESSAGE_AUTHENTICATOR)) {
                written.add(attribute);
            }
        }
        int length = HEADER_LENGTH;
        for (RadiusAttribute attribute : written) {
            length += 2 + attribute.length();
        }
        if (length > MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("packet would be " + length + " octets, at most 4096 allowed");
        }
        byte[] packet = new byte[length];
        packet[0] = (byte) code;
        packet[1] = (byte) identifier;
        packet[2] = (byte) (length >>> 8);
        packet[3] = (byte) length;
        System.arraycopy(authenticator, 0, packet, AUTHENTICATOR_OFFSET, RadiusPacket.AUTHENTICATOR_LENGTH);
        int pos = HEADER_LENGTH;
        for (RadiusAttribute attribute : written) {
            byte[] value = attribute.valueNoCopy();
            packet[pos] = (byte) attribute.type();
            packet[pos + 1] = (byte) (2 + value.length);
            System.arraycopy(value, 0, packet, pos + 2, value.length);
            pos += 2 + value.length;
        }
        return packet;
    }

    /** Fills the zeroed Message-Authenticator that {@link #layOut} put first. */
    private static void signMessageAuthenticator(byte[] packet, byte[] secret) {
        byte[] mac = Digests.hmacMd5(secret, packet, 0, packet.length);
        System.arraycopy(mac, 0, packet, HEADER_LENGTH + 2, MESSAGE_AUTHENTICATOR_LENGTH);
    }
}
