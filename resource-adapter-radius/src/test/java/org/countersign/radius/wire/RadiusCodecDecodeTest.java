package org.countersign.radius.wire;

import static org.countersign.radius.wire.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per rule of the strict decoder (RFC 2865 sections 3 and 5). */
class RadiusCodecDecodeTest {

    private static final String HEADER_TAIL = "00112233445566778899aabbccddeeff"; // authenticator
    private static final String ZEROS_16 = "00000000000000000000000000000000";
    private static final String PASSWORD_16 = "0212" + ZEROS_16;

    /** Code, identifier 7, the Length field computed, the authenticator, then the attribute hex. */
    private static byte[] packet(int code, String attributesHex) {
        byte[] attributes = hex(attributesHex);
        int length = 20 + attributes.length;
        return hex(String.format("%02x07%04x", code, length) + HEADER_TAIL + HexFormat.of().formatHex(attributes));
    }

    private static String reason(byte[] datagram) {
        return assertThrows(MalformedPacketException.class,
                () -> RadiusCodec.decode(datagram, 0, datagram.length)).reason();
    }

    @Test
    void rejectsShortDatagram() {
        byte[] nineteen = Arrays.copyOf(packet(1, ""), 19);
        assertEquals("short datagram", reason(nineteen));
    }

    @Test
    void rejectsLengthFieldSmallerThan20() {
        byte[] datagram = packet(1, "0103626f62");
        datagram[3] = 19;
        assertEquals("length field too small", reason(datagram));
    }

    @Test
    void rejectsLengthFieldLargerThan4096() {
        byte[] datagram = Arrays.copyOf(packet(1, ""), 4097);
        datagram[2] = 0x10;
        datagram[3] = 0x01;
        assertEquals("length field too large", reason(datagram));
    }

    @Test
    void rejectsLengthFieldLargerThanDatagram() {
        byte[] datagram = packet(1, "0103626f62");
        datagram[3]++;
        assertEquals("length field exceeds datagram", reason(datagram));
    }

    @Test
    void ignoresOctetsBeyondTheLengthField() throws MalformedPacketException {
        byte[] datagram = Arrays.copyOf(packet(1, "0105626f62"), 40);
        Arrays.fill(datagram, 25, 40, (byte) 0xff);

        RadiusPacket decoded = RadiusCodec.decode(datagram, 0, datagram.length);

        assertEquals(1, decoded.attributes().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0100", "0101"})
    void rejectsAttributeLengthZeroOrOne(String attribute) {
        assertEquals("attribute length too small", reason(packet(1, attribute + "0000")));
    }

    @Test
    void rejectsAttributeRunningPastLength() {
        assertEquals("attribute runs past length", reason(packet(1, "0106626f62")));
    }

    @Test
    void rejectsStrayOctetAfterTheLastAttribute() {
        assertEquals("attribute runs past length", reason(packet(1, "0105626f6218")));
    }

    @Test
    void rejectsAttributeTypeZero() {
        assertEquals("attribute type zero", reason(packet(1, "0003ff")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "010361 010362",                                     // User-Name
        PASSWORD_16 + PASSWORD_16,                           // User-Password
        "0313" + "01" + ZEROS_16 + "0313" + "02" + ZEROS_16, // CHAP-Password
        "180341 180342",                                     // State
        "5012" + ZEROS_16 + "5012" + ZEROS_16, // Message-Authenticator
        "0406c0a80101 0406c0a80102",                         // NAS-IP-Address
        "200361 200362"                                      // NAS-Identifier
    })
    void rejectsDuplicateSingleValuedAttributeInAccessRequest(String attributes) {
        assertEquals("duplicate single-valued attribute", reason(packet(PacketCode.ACCESS_REQUEST, attributes)));
    }

    @Test
    void acceptsRepeatedProxyStateAndRepeatedStateOutsideAccessRequest() throws MalformedPacketException {
        RadiusCodec.decode(packet(PacketCode.ACCESS_REQUEST, "210341 210342"), 0, 26);
        byte[] challenge = packet(PacketCode.ACCESS_CHALLENGE, "180341 180342");
        assertEquals(2, RadiusCodec.decode(challenge, 0, challenge.length).all(AttributeType.STATE).size());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 17, 31, 144, 240})
    void rejectsUserPasswordOfBadLength(int length) {
        String attribute = String.format("02%02x", length + 2) + "ab".repeat(length);
        assertEquals("user-password length invalid", reason(packet(PacketCode.ACCESS_REQUEST, attribute)));
    }

    @Test
    void acceptsUserPasswordOf128Octets() throws MalformedPacketException {
        byte[] datagram = packet(PacketCode.ACCESS_REQUEST, "0282" + "ab".repeat(128));
        assertEquals(128, RadiusCodec.decode(datagram, 0, datagram.length).first(2).orElseThrow().length());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 7, 8, 9, 10, 200, 255})
    void decodesUnknownAndNonRequestCodes(int code) throws MalformedPacketException {
        byte[] datagram = packet(code, "0105626f62");
        assertEquals(code, RadiusCodec.decode(datagram, 0, datagram.length).code());
    }

    @Test
    void decodesEmptyAttributeValue() throws MalformedPacketException {
        byte[] datagram = packet(PacketCode.ACCESS_ACCEPT, "1202");
        assertEquals(0, RadiusCodec.decode(datagram, 0, datagram.length).attributes().get(0).length());
    }

    @Test
    void decodesAMaximalPacketOf4096Octets() throws MalformedPacketException {
        StringBuilder attributes = new StringBuilder();
        int room = 4096 - 20;
        while (room >= 255) {
            attributes.append("19ff").append("00".repeat(253));
            room -= 255;
        }
        attributes.append(String.format("19%02x", room)).append("00".repeat(room - 2));
        byte[] datagram = packet(PacketCode.ACCESS_ACCEPT, attributes.toString());

        assertEquals(4096, datagram.length);
        assertEquals(16, RadiusCodec.decode(datagram, 0, datagram.length).all(AttributeType.CLASS).size());
    }

    @Test
    void refusesOffsetAndLengthOutsideTheArrayAsACallerError() {
        byte[] datagram = packet(1, "");
        assertThrows(IndexOutOfBoundsException.class, () -> RadiusCodec.decode(datagram, 1, datagram.length));
    }
}
