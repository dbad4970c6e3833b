package org.countersign.radius.wire;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Checks of the authenticators a peer sent, over the raw datagram bytes. Every comparison is
 * constant-time ({@link MessageDigest#isEqual}). Stateless and thread-safe.
 */
public final class RequestVerifier {

    private static final int MESSAGE_AUTHENTICATOR_LENGTH = 16;

    private RequestVerifier() {
    }

    /**
     * Checks the Message-Authenticator of an Access-Request or Status-Server (RFC 3579 section 3.2,
     * RFC 5997 section 3): HMAC-MD5 keyed with the secret over the packet's Length octets with the
     * Message-Authenticator value zeroed. More than one Message-Authenticator, or one whose value is
     * not 16 octets, is {@link MessageAuthenticatorCheck#INVALID}. {@code decoded} must be what
     * {@link RadiusCodec#decode} returned for the same bytes. Thread-safe.
     */
    public static MessageAuthenticatorCheck messageAuthenticator(byte[] data, int offset, int length,
                                                                 RadiusPacket decoded, byte[] secret) {
        Objects.checkFromIndexSize(offset, length, data.length);
        Digests.checkSecret(secret);
        int count = decoded.all(AttributeType.MESSAGE_AUTHENTICATOR).size();
        if (count == 0) {
            return MessageAuthenticatorCheck.ABSENT;
        }
        if (count > 1 || length < RadiusCodec.HEADER_LENGTH) {
            return MessageAuthenticatorCheck.INVALID;
        }
        int declared = RadiusCodec.lengthField(data, offset);
        if (declared < RadiusCodec.HEADER_LENGTH || declared > length) {
            return MessageAuthenticatorCheck.INVALID;
        }
        byte[] packet = Arrays.copyOfRange(data, offset, offset + declared);
        return checkMessageAuthenticator(packet, secret) ? MessageAuthenticatorCheck.VALID
                : MessageAuthenticatorCheck.INVALID;
    }

    /**
     * Checks the Request Authenticator of an Accounting-Request (RFC 2866 section 3):
     * MD5(Code+Identifier+Length+16 zero octets+Attributes+Secret). False for anything shorter than a
     * header or with a Length field that does not fit the datagram. Thread-safe.
     */
    public static boolean accountingRequestAuthenticator(byte[] data, int offset, int length, byte[] secret) {
        Objects.checkFromIndexSize(offset, length, data.length);
        Digests.checkSecret(secret);
        if (length < RadiusCodec.HEADER_LENGTH) {
            return false;
        }
        int declared = RadiusCodec.lengthField(data, offset);
        if (declared < RadiusCodec.HEADER_LENGTH || declared > length || declared > RadiusCodec.MAX_PACKET_LENGTH) {
            return false;
        }
        byte[] packet = Arrays.copyOfRange(data, offset, offset + declared);
        byte[] received = authenticatorField(packet);
        Arrays.fill(packet, RadiusCodec.AUTHENTICATOR_OFFSET,
                RadiusCodec.AUTHENTICATOR_OFFSET + RadiusPacket.AUTHENTICATOR_LENGTH, (byte) 0);
        return MessageDigest.isEqual(received, RadiusCodec.responseAuthenticator(packet, secret));
    }

    /**
     * Checks a reply as a client would: it must decode, its Response Authenticator must match
     * (RFC 2865 section 3) and, if present, its single Message-Authenticator must match (RFC 3579
     * section 3.2, computed with the Request Authenticator in the Authenticator field). Thread-safe.
     */
    public static boolean replyAuthenticator(byte[] reply, byte[] requestAuthenticator, byte[] secret) {
        RadiusPacket.checkAuthenticator(requestAuthenticator, "requestAuthenticator");
        Digests.checkSecret(secret);
        RadiusPacket decoded;
        try {
            decoded = RadiusCodec.decode(reply, 0, reply.length);
        } catch (MalformedPacketException e) {
            return false;
        }
        byte[] packet = Arrays.copyOf(reply, RadiusCodec.lengthField(reply, 0));
        byte[] received = authenticatorField(packet);
        System.arraycopy(requestAuthenticator, 0, packet, RadiusCodec.AUTHENTICATOR_OFFSET,
                RadiusPacket.AUTHENTICATOR_LENGTH);
        boolean responseValid = MessageDigest.isEqual(received, RadiusCodec.responseAuthenticator(packet, secret));
        int count = decoded.all(AttributeType.MESSAGE_AUTHENTICATOR).size();
        boolean messageAuthenticatorValid = count == 0 || count == 1 && checkMessageAuthenticator(packet, secret);
        return responseValid & messageAuthenticatorValid;
    }

    /**
     * Finds the one Message-Authenticator in a well-formed packet copy, zeroes it, and compares the
     * HMAC-MD5 with what was there. Modifies {@code packet}.
     */
    private static boolean checkMessageAuthenticator(byte[] packet, byte[] secret) {
        int pos = RadiusCodec.HEADER_LENGTH;
        while (pos + 2 <= packet.length) {
            int type = packet[pos] & 0xff;
            int attributeLength = packet[pos + 1] & 0xff;
            if (attributeLength < 2 || pos + attributeLength > packet.length) {
                return false;
            }
            if (type == AttributeType.MESSAGE_AUTHENTICATOR) {
                if (attributeLength != 2 + MESSAGE_AUTHENTICATOR_LENGTH) {
                    return false;
                }
                byte[] received = Arrays.copyOfRange(packet, pos + 2, pos + attributeLength);
                Arrays.fill(packet, pos + 2, pos + attributeLength, (byte) 0);
                byte[] expected = Digests.hmacMd5(secret, packet, 0, packet.length);
                System.arraycopy(received, 0, packet, pos + 2, received.length);
                return MessageDigest.isEqual(received, expected);
            }
            pos += attributeLength;
        }
        return false;
    }

    private static byte[] authenticatorField(byte[] packet) {
        return Arrays.copyOfRange(packet, RadiusCodec.AUTHENTICATOR_OFFSET,
                RadiusCodec.AUTHENTICATOR_OFFSET + RadiusPacket.AUTHENTICATOR_LENGTH);
    }
}
