package org.countersign.radius.wire;

import static org.countersign.radius.wire.TestBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Message-Authenticator has no RFC test vector, so this Access-Request was recorded from FreeRADIUS
 * radclient (see the comment in the resource file for how).
 */
class RadclientVectorTest {

    private static final byte[] SECRET = ascii("s3cret");
    private static final byte[] REQUEST = TestBytes.resource("radclient-access-request.hex");

    @Test
    void radclientMessageAuthenticatorIsValidWithTheSharedSecret() throws MalformedPacketException {
        RadiusPacket packet = RadiusCodec.decode(REQUEST, 0, REQUEST.length);

        assertEquals(MessageAuthenticatorCheck.VALID,
                RequestVerifier.messageAuthenticator(REQUEST, 0, REQUEST.length, packet, SECRET));
    }

    @Test
    void radclientMessageAuthenticatorIsInvalidWithAnotherSecret() throws MalformedPacketException {
        RadiusPacket packet = RadiusCodec.decode(REQUEST, 0, REQUEST.length);

        assertEquals(MessageAuthenticatorCheck.INVALID,
                RequestVerifier.messageAuthenticator(REQUEST, 0, REQUEST.length, packet, ascii("s3creT")));
    }

    @Test
    void everySingleBitFlipMakesItInvalidOrUndecodable() {
        for (int bit = 0; bit < REQUEST.length * 8; bit++) {
            byte[] flipped = REQUEST.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            try {
                RadiusPacket packet = RadiusCodec.decode(flipped, 0, flipped.length);
                assertNotEquals(MessageAuthenticatorCheck.VALID,
                        RequestVerifier.messageAuthenticator(flipped, 0, flipped.length, packet, SECRET), "bit " + bit);
            } catch (MalformedPacketException e) {
                // a flip in a length field: dropped before any check, as it should be
            }
        }
    }

    @Test
    void radclientPasswordDecryptsToHello() throws MalformedPacketException {
        RadiusPacket packet = RadiusCodec.decode(REQUEST, 0, REQUEST.length);
        byte[] hidden = packet.first(AttributeType.USER_PASSWORD).orElseThrow().value();

        assertArrayEquals(ascii("hello"), UserPassword.decrypt(hidden, packet.authenticator(), SECRET));
        assertEquals("bob", RadiusDictionary.standard().render(packet.first(AttributeType.USER_NAME).orElseThrow()));
    }

    @Test
    void findsTheMessageAuthenticatorInsideALargerBuffer() throws MalformedPacketException {
        byte[] buffer = new byte[REQUEST.length + 10];
        System.arraycopy(REQUEST, 0, buffer, 7, REQUEST.length);
        RadiusPacket packet = RadiusCodec.decode(buffer, 7, REQUEST.length + 3);

        assertEquals(MessageAuthenticatorCheck.VALID,
                RequestVerifier.messageAuthenticator(buffer, 7, REQUEST.length + 3, packet, SECRET));
    }
}
