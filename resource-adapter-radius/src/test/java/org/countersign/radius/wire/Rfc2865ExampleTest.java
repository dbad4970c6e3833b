package org.countersign.radius.wire;

import static org.countersign.radius.wire.TestBytes.ascii;
import static org.countersign.radius.wire.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 2865 section 7.1, "User Telnet to Specified Host": the independent reference for the codec. */
class Rfc2865ExampleTest {

    private static final byte[] SECRET = ascii("xyzzy5461");

    private static final byte[] ACCESS_REQUEST = hex("""
            01 00 00 38 0f 40 3f 94 73 97 80 57 bd 83 d5 cb
            98 f4 22 7a 01 06 6e 65 6d 6f 02 12 0d be 70 8d
            93 d4 13 ce 31 96 e4 3f 78 2a 0a ee 04 06 c0 a8
            01 10 05 06 00 00 00 03""");

    private static final byte[] ACCESS_ACCEPT = hex("""
            02 00 00 26 86 fe 22 0e 76 24 ba 2a 10 05 f6 bf
            9b 55 e0 b2 06 06 00 00 00 01 0f 06 00 00 00 00
            0e 06 c0 a8 01 03""");

    private static final RadiusDictionary DICTIONARY = RadiusDictionary.standard();

    @Test
    void decodesTheAccessRequest() throws MalformedPacketException {
        RadiusPacket request = RadiusCodec.decode(ACCESS_REQUEST, 0, ACCESS_REQUEST.length);

        assertEquals(PacketCode.ACCESS_REQUEST, request.code());
        assertEquals(0, request.identifier());
        assertArrayEquals(hex("0f403f94739780 57bd83d5cb98f4227a"), request.authenticator());
        assertEquals(List.of(1, 2, 4, 5), request.attributes().stream().map(RadiusAttribute::type).toList());
        assertEquals("nemo", DICTIONARY.render(request.first(AttributeType.USER_NAME).orElseThrow()));
        assertEquals("192.168.1.16", DICTIONARY.render(request.first(AttributeType.NAS_IP_ADDRESS).orElseThrow()));
        assertEquals("3", DICTIONARY.render(request.first(5).orElseThrow()));
    }

    @Test
    void decryptsUserPasswordToArctangent() throws MalformedPacketException {
        RadiusPacket request = RadiusCodec.decode(ACCESS_REQUEST, 0, ACCESS_REQUEST.length);
        byte[] hidden = request.first(AttributeType.USER_PASSWORD).orElseThrow().value();

        assertArrayEquals(ascii("arctangent"), UserPassword.decrypt(hidden, request.authenticator(), SECRET));
    }

    @Test
    void hidesArctangentToTheRfcBytes() throws MalformedPacketException {
        RadiusPacket request = RadiusCodec.decode(ACCESS_REQUEST, 0, ACCESS_REQUEST.length);

        assertArrayEquals(request.first(AttributeType.USER_PASSWORD).orElseThrow().value(),
                UserPassword.encrypt(ascii("arctangent"), request.authenticator(), SECRET));
    }

    @Test
    void reEncodesTheAccessRequestByteForByte() throws MalformedPacketException {
        RadiusPacket request = RadiusCodec.decode(ACCESS_REQUEST, 0, ACCESS_REQUEST.length);

        assertArrayEquals(ACCESS_REQUEST, RadiusCodec.encodeRequest(PacketCode.ACCESS_REQUEST, 0,
                request.authenticator(), request.attributes(), SECRET, false));
    }

    @Test
    void computesTheRfcResponseAuthenticatorByteForByte() throws MalformedPacketException {
        RadiusPacket request = RadiusCodec.decode(ACCESS_REQUEST, 0, ACCESS_REQUEST.length);
        byte[] withRequestAuthenticator = ACCESS_ACCEPT.clone();
        System.arraycopy(request.authenticator(), 0, withRequestAuthenticator, 4, 16);

        assertArrayEquals(Arrays.copyOfRange(ACCESS_ACCEPT, 4, 20),
                RadiusCodec.responseAuthenticator(withRequestAuthenticator, SECRET));
    }

    @Test
    void acceptsTheRfcAccessAcceptAsReply() throws MalformedPacketException {
        RadiusPacket request = RadiusCodec.decode(ACCESS_REQUEST, 0, ACCESS_REQUEST.length);

        assertTrue(RequestVerifier.replyAuthenticator(ACCESS_ACCEPT, request.authenticator(), SECRET));
        assertFalse(RequestVerifier.replyAuthenticator(ACCESS_ACCEPT, request.authenticator(), ascii("xyzzy5462")));
    }

    @Test
    void encodesTheRfcAccessAcceptAttributesBehindAMessageAuthenticator() throws MalformedPacketException {
        RadiusPacket request = RadiusCodec.decode(ACCESS_REQUEST, 0, ACCESS_REQUEST.length);
        List<RadiusAttribute> attributes = List.of(
                DICTIONARY.attribute("Service-Type", "Login-User"),
                DICTIONARY.attribute("Login-Service", "Telnet"),
                DICTIONARY.attribute("Login-IP-Host", "192.168.1.3"));

        byte[] reply = RadiusCodec.encodeReply(PacketCode.ACCESS_ACCEPT, 0, request.authenticator(), attributes, SECRET);

        assertArrayEquals(Arrays.copyOfRange(ACCESS_ACCEPT, 20, ACCESS_ACCEPT.length),
                Arrays.copyOfRange(reply, 20 + 18, reply.length), "RFC attributes follow the Message-Authenticator");
        assertEquals(AttributeType.MESSAGE_AUTHENTICATOR, reply[20]);
        assertTrue(RequestVerifier.replyAuthenticator(reply, request.authenticator(), SECRET));
    }
}
