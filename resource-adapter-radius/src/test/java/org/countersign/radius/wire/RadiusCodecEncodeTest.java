package org.countersign.radius.wire;

import static org.countersign.radius.wire.TestBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Encoders and authenticator checks against each other (RFC 2865 section 3, RFC 2866 section 3, RFC 3579 section 3.2). */
class RadiusCodecEncodeTest {

    private static final byte[] SECRET = ascii("testing123");
    private static final RadiusDictionary DICTIONARY = RadiusDictionary.standard();

    private static byte[] randomAuthenticator(long seed) {
        byte[] authenticator = new byte[16];
        new Random(seed).nextBytes(authenticator);
        return authenticator;
    }

    private static List<RadiusAttribute> requestAttributes(byte[] authenticator) {
        return List.of(
                DICTIONARY.attribute("User-Name", "alice"),
                new RadiusAttribute(AttributeType.USER_PASSWORD,
                        UserPassword.encrypt(ascii("correct horse"), authenticator, SECRET)),
                DICTIONARY.attribute("NAS-IP-Address", "192.0.2.10"),
                DICTIONARY.attribute("Proxy-State", "0x01"),
                DICTIONARY.attribute("Proxy-State", "0x02"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void accessRequestRoundTripsThroughDecode(boolean withMessageAuthenticator) throws MalformedPacketException {
        byte[] authenticator = randomAuthenticator(1);
        List<RadiusAttribute> attributes = requestAttributes(authenticator);

        byte[] datagram = RadiusCodec.encodeRequest(PacketCode.ACCESS_REQUEST, 42, authenticator, attributes, SECRET,
                withMessageAuthenticator);
        RadiusPacket decoded = RadiusCodec.decode(datagram, 0, datagram.length);

        assertEquals(PacketCode.ACCESS_REQUEST, decoded.code());
        assertEquals(42, decoded.identifier());
        assertArrayEquals(authenticator, decoded.authenticator());
        List<RadiusAttribute> expected = withMessageAuthenticator
                ? decoded.attributes().subList(1, decoded.attributes().size()) : decoded.attributes();
        assertEquals(attributes, expected);
        assertEquals(withMessageAuthenticator ? MessageAuthenticatorCheck.VALID : MessageAuthenticatorCheck.ABSENT,
                RequestVerifier.messageAuthenticator(datagram, 0, datagram.length, decoded, SECRET));
        assertArrayEquals(ascii("correct horse"), UserPassword.decrypt(
                decoded.first(AttributeType.USER_PASSWORD).orElseThrow().value(), authenticator, SECRET));
    }

    @Test
    void requestMessageAuthenticatorIsFirst() throws MalformedPacketException {
        byte[] datagram = RadiusCodec.encodeRequest(PacketCode.STATUS_SERVER, 3, randomAuthenticator(2),
                List.of(DICTIONARY.attribute("NAS-Identifier", "probe")), SECRET, true);

        RadiusPacket decoded = RadiusCodec.decode(datagram, 0, datagram.length);

        assertEquals(AttributeType.MESSAGE_AUTHENTICATOR, decoded.attributes().get(0).type());
        assertEquals(MessageAuthenticatorCheck.VALID,
                RequestVerifier.messageAuthenticator(datagram, 0, datagram.length, decoded, SECRET));
    }

    @ParameterizedTest
    @ValueSource(ints = {PacketCode.ACCESS_ACCEPT, PacketCode.ACCESS_REJECT, PacketCode.ACCESS_CHALLENGE})
    void messageAuthenticatorIsTheFirstAttributeOfEveryAccessReply(int code) throws MalformedPacketException {
        byte[] requestAuthenticator = randomAuthenticator(code);
        List<RadiusAttribute> attributes = List.of(
                DICTIONARY.attribute("Reply-Message", "hello"),
                new RadiusAttribute(AttributeType.MESSAGE_AUTHENTICATOR, new byte[16]),
                DICTIONARY.attribute("Proxy-State", "0xaa"),
                DICTIONARY.attribute("Proxy-State", "0xbb"));

        byte[] reply = RadiusCodec.encodeReply(code, 9, requestAuthenticator, attributes, SECRET);
        RadiusPacket decoded = RadiusCodec.decode(reply, 0, reply.length);

        assertEquals(AttributeType.MESSAGE_AUTHENTICATOR, decoded.attributes().get(0).type());
        assertEquals(1, decoded.all(AttributeType.MESSAGE_AUTHENTICATOR).size(), "a passed-in one is replaced");
        assertEquals(List.of(attributes.get(0), attributes.get(2), attributes.get(3)),
                decoded.attributes().subList(1, 4), "Proxy-State echoed in order");
        assertEquals(9, decoded.identifier());
        assertTrue(RequestVerifier.replyAuthenticator(reply, requestAuthenticator, SECRET));
    }

    @Test
    void accessRejectWithoutAttributesStillCarriesAMessageAuthenticator() throws MalformedPacketException {
        byte[] reply = RadiusCodec.encodeReply(PacketCode.ACCESS_REJECT, 0, randomAuthenticator(3), List.of(), SECRET);

        assertEquals(38, reply.length);
        assertEquals(List.of(AttributeType.MESSAGE_AUTHENTICATOR),
                RadiusCodec.decode(reply, 0, reply.length).attributes().stream().map(RadiusAttribute::type).toList());
    }

    @Test
    void accountingResponseCarriesNoMessageAuthenticator() throws MalformedPacketException {
        byte[] requestAuthenticator = randomAuthenticator(4);
        byte[] reply = RadiusCodec.encodeReply(PacketCode.ACCOUNTING_RESPONSE, 1, requestAuthenticator,
                List.of(new RadiusAttribute(AttributeType.MESSAGE_AUTHENTICATOR, new byte[16])), SECRET);

        assertEquals(20, reply.length, "a passed-in Message-Authenticator is dropped too");
        assertTrue(RequestVerifier.replyAuthenticator(reply, requestAuthenticator, SECRET));
    }

    @Test
    void replyCheckFailsForWrongSecretWrongRequestOrTamperedMessageAuthenticator() {
        byte[] requestAuthenticator = randomAuthenticator(5);
        byte[] reply = RadiusCodec.encodeReply(PacketCode.ACCESS_ACCEPT, 1, requestAuthenticator,
                List.of(DICTIONARY.attribute("Class", "0x0102")), SECRET);

        assertFalse(RequestVerifier.replyAuthenticator(reply, requestAuthenticator, ascii("testing124")));
        assertFalse(RequestVerifier.replyAuthenticator(reply, randomAuthenticator(6), SECRET));
        byte[] tampered = reply.clone();
        tampered[22] ^= 1;
        assertFalse(RequestVerifier.replyAuthenticator(tampered, requestAuthenticator, SECRET));
        assertFalse(RequestVerifier.replyAuthenticator(new byte[5], requestAuthenticator, SECRET));
    }

    @Test
    void rejectsNonReplyCodesInEncodeReply() {
        assertThrows(IllegalArgumentException.class, () -> RadiusCodec.encodeReply(PacketCode.ACCESS_REQUEST, 0,
                randomAuthenticator(7), List.of(), SECRET));
    }

    @Test
    void rejectsReplyOver4096Octets() {
        List<RadiusAttribute> tooMany = java.util.Collections.nCopies(16,
                new RadiusAttribute(AttributeType.CLASS, new byte[253]));
        assertThrows(IllegalArgumentException.class, () -> RadiusCodec.encodeReply(PacketCode.ACCESS_ACCEPT, 0,
                randomAuthenticator(8), tooMany, SECRET));
    }

    @Test
    void accountingRequestAuthenticatorIsValidWithTheSecret() throws MalformedPacketException {
        byte[] datagram = RadiusCodec.encodeRequest(PacketCode.ACCOUNTING_REQUEST, 77, null, List.of(
                DICTIONARY.attribute("Acct-Status-Type", "Start"),
                DICTIONARY.attribute("Acct-Session-Id", "0001")), SECRET, false);

        assertTrue(RequestVerifier.accountingRequestAuthenticator(datagram, 0, datagram.length, SECRET));
        assertEquals(PacketCode.ACCOUNTING_REQUEST, RadiusCodec.decode(datagram, 0, datagram.length).code());
    }

    @Test
    void accountingRequestAuthenticatorIsInvalidWithWrongSecretOrAnyFlippedBit() {
        byte[] datagram = RadiusCodec.encodeRequest(PacketCode.ACCOUNTING_REQUEST, 77, null,
                List.of(DICTIONARY.attribute("Acct-Status-Type", "Stop")), SECRET, false);

        assertFalse(RequestVerifier.accountingRequestAuthenticator(datagram, 0, datagram.length, ascii("other")));
        for (int bit = 0; bit < datagram.length * 8; bit++) {
            byte[] flipped = datagram.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(RequestVerifier.accountingRequestAuthenticator(flipped, 0, flipped.length, SECRET), "bit " + bit);
        }
        assertFalse(RequestVerifier.accountingRequestAuthenticator(new byte[19], 0, 19, SECRET));
    }

    @Test
    void messageAuthenticatorOfWrongLengthIsInvalid() throws MalformedPacketException {
        byte[] datagram = RadiusCodec.encodeRequest(PacketCode.ACCESS_REQUEST, 1, randomAuthenticator(9),
                List.of(new RadiusAttribute(AttributeType.MESSAGE_AUTHENTICATOR, new byte[15])), SECRET, false);
        RadiusPacket decoded = RadiusCodec.decode(datagram, 0, datagram.length);

        assertEquals(MessageAuthenticatorCheck.INVALID,
                RequestVerifier.messageAuthenticator(datagram, 0, datagram.length, decoded, SECRET));
    }

    @Test
    void twoMessageAuthenticatorsAreInvalidEvenWhenTheFirstIsRight() throws MalformedPacketException {
        byte[] authenticator = randomAuthenticator(10);
        byte[] signed = RadiusCodec.encodeRequest(PacketCode.STATUS_SERVER, 1, authenticator, List.of(), SECRET, true);
        RadiusPacket first = RadiusCodec.decode(signed, 0, signed.length);
        List<RadiusAttribute> twice = List.of(first.attributes().get(0), first.attributes().get(0));
        byte[] datagram = RadiusCodec.encodeRequest(PacketCode.STATUS_SERVER, 1, authenticator, twice, SECRET, false);
        RadiusPacket decoded = RadiusCodec.decode(datagram, 0, datagram.length);

        assertEquals(MessageAuthenticatorCheck.INVALID,
                RequestVerifier.messageAuthenticator(datagram, 0, datagram.length, decoded, SECRET));
    }

    @Test
    void packetAndAttributeHideTheirBytesAndCopyDefensively() {
        byte[] value = ascii("secret-ish");
        RadiusAttribute attribute = new RadiusAttribute(AttributeType.STATE, value);
        value[0] = 'X';
        attribute.value()[1] = 'X';
        byte[] authenticator = randomAuthenticator(11);
        RadiusPacket packet = new RadiusPacket(PacketCode.ACCESS_REQUEST, 1, authenticator, List.of(attribute));
        authenticator[0] ^= 1;
        packet.authenticator()[1] ^= 1;

        assertArrayEquals(ascii("secret-ish"), attribute.value());
        assertArrayEquals(randomAuthenticator(11), packet.authenticator());
        assertEquals("RadiusPacket[Access-Request, id=1, attributes=[RadiusAttribute[type=24, length=10]]]",
                packet.toString());
        assertThrows(IllegalArgumentException.class, () -> new RadiusAttribute(0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new RadiusAttribute(1, new byte[254]));
        assertThrows(IllegalArgumentException.class, () -> new RadiusPacket(1, 256, authenticator, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RadiusPacket(1, 1, new byte[15], List.of()));
    }
}
