package org.countersign.radius.wire;

import static org.countersign.radius.wire.TestBytes.ascii;
import static org.countersign.radius.wire.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RadiusDictionaryTest {

    private static final RadiusDictionary DICTIONARY = RadiusDictionary.standard();

    @Test
    void findsAttributesByNameIgnoringCaseAndByType() {
        assertEquals(new AttributeDefinition("User-Name", 1, DataType.STRING), DICTIONARY.byName("user-name").orElseThrow());
        assertEquals("Message-Authenticator", DICTIONARY.byType(AttributeType.MESSAGE_AUTHENTICATOR).orElseThrow().name());
        assertEquals(DataType.IPV6ADDR, DICTIONARY.byName("NAS-IPv6-Address").orElseThrow().dataType());
        assertEquals(DataType.INTEGER, DICTIONARY.byName("Acct-Status-Type").orElseThrow().dataType());
        assertTrue(DICTIONARY.byName("No-Such-Attribute").isEmpty());
        assertTrue(DICTIONARY.byType(17).isEmpty());
        assertTrue(DICTIONARY.byType(0).isEmpty());
    }

    @Test
    void agreesWithTheConstantsTheWireCodeUses() {
        Map<String, Integer> constants = Map.of("User-Name", AttributeType.USER_NAME, "User-Password",
                AttributeType.USER_PASSWORD, "CHAP-Password", AttributeType.CHAP_PASSWORD, "NAS-IP-Address",
                AttributeType.NAS_IP_ADDRESS, "Reply-Message", AttributeType.REPLY_MESSAGE, "State", AttributeType.STATE,
                "Class", AttributeType.CLASS, "Proxy-State", AttributeType.PROXY_STATE, "NAS-Identifier",
                AttributeType.NAS_IDENTIFIER, "Message-Authenticator", AttributeType.MESSAGE_AUTHENTICATOR);
        constants.forEach((name, type) -> assertEquals(type, DICTIONARY.byName(name).orElseThrow().type(), name));
        assertEquals(AttributeType.CALLING_STATION_ID, DICTIONARY.byName("Calling-Station-Id").orElseThrow().type());
        assertEquals(AttributeType.SERVICE_TYPE, DICTIONARY.byName("Service-Type").orElseThrow().type());
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource({
        "Service-Type,       Framed-User,           00000002",
        "Service-Type,       framed-user,           00000002",
        "Service-Type,       2,                     00000002",
        "Session-Timeout,    4294967295,            ffffffff",
        "NAS-IP-Address,     192.168.1.16,          c0a80110",
        "NAS-IPv6-Address,   2001:db8::1,           20010db8000000000000000000000001",
        "Class,              0x0A0b,                0a0b",
        "State,              cafe,                  cafe",
        "Reply-Message,      Hi,                    4869",
        "Event-Timestamp,    1970-01-01T00:01:00Z,  0000003c",
        "Acct-Status-Type,   Interim-Update,        00000003",
    })
    void convertsTextToOctetsByDataType(String name, String value, String octets) {
        RadiusAttribute attribute = DICTIONARY.attribute(name, value);

        assertEquals(DICTIONARY.byName(name).orElseThrow().type(), attribute.type());
        assertArrayEquals(hex(octets), attribute.value());
    }

    @Test
    void encodesTextAsUtf8() {
        assertArrayEquals("Grüße".getBytes(StandardCharsets.UTF_8), DICTIONARY.attribute("Reply-Message", "Grüße").value());
    }

    @ParameterizedTest(name = "{0} {1} renders as {2}")
    @CsvSource({
        "6,   00000002,                           Framed-User",
        "6,   00000063,                           99",
        "27,  ffffffff,                           4294967295",
        "4,   c0a80110,                           192.168.1.16",
        "4,   c0a801,                             0xc0a801",
        "27,  000001,                             0x000001",
        "1,   6e656d6f,                           nemo",
        "1,   6e0a6d6f,                           0x6e0a6d6f",
        "18,  ff,                                 0xff",
        "25,  0A0B,                               0x0a0b",
        "55,  00000e10,                           1970-01-01T01:00:00Z",
        "95,  20010db8000000000000000000000001,   2001:db8:0:0:0:0:0:1",
        "17,  01,                                 0x01",
        "2,   00112233445566778899aabbccddeeff,   (hidden)",
    })
    void rendersOctetsAsTextAndFallsBackToHex(int type, String octets, String text) {
        assertEquals(text, DICTIONARY.render(new RadiusAttribute(type, hex(octets))));
    }

    @Test
    void rendersEmptyValuesWithoutThrowing() {
        for (int type = 1; type <= 255; type++) {
            DICTIONARY.render(new RadiusAttribute(type, new byte[0]));
        }
        assertEquals("", DICTIONARY.render(new RadiusAttribute(AttributeType.REPLY_MESSAGE, new byte[0])));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource({
        "Service-Type,      Framed-Usr",
        "Service-Type,      -1",
        "Service-Type,      4294967296",
        "Service-Type,      ''",
        "NAS-IP-Address,    192.168.1",
        "NAS-IP-Address,    192.168.1.256",
        "NAS-IP-Address,    localhost",
        "NAS-IP-Address,    1.2.3.4.5",
        "NAS-IPv6-Address,  example.com",
        "NAS-IPv6-Address,  2001:db8:::1:zz",
        "Class,             0xabc",
        "Class,             not-hex",
        "Event-Timestamp,   yesterday",
    })
    void rejectsBadValuesWithAMessageNamingTheAttribute(String name, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DICTIONARY.attribute(name, value));
        assertTrue(e.getMessage().startsWith(name + ":"), e.getMessage());
    }

    @Test
    void rejectsUnknownAttributeName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DICTIONARY.attribute("Colour", "blue"));
        assertEquals("unknown attribute: Colour", e.getMessage());
    }

    @Test
    void rejectsValueTooLongForOneAttribute() {
        assertThrows(IllegalArgumentException.class, () -> DICTIONARY.attribute("Reply-Message", "x".repeat(254)));
        assertEquals(253, DICTIONARY.attribute("Reply-Message", "x".repeat(253)).length());
    }

    @Test
    void errorMessagesNeverQuoteTextOrOctetValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DICTIONARY.attribute("User-Password", "hunter2"));
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void refusesDictionaryFilesThatClashOrAreMalformed() {
        assertBadDictionary("ATTRIBUTE A 1 text\nATTRIBUTE B 1 text\n", "f:2:");
        assertBadDictionary("ATTRIBUTE A 1 text\nATTRIBUTE a 2 text\n", "f:2:");
        assertBadDictionary("ATTRIBUTE A 256 text\n", "f:1:");
        assertBadDictionary("ATTRIBUTE A 1 float\n", "f:1:");
        assertBadDictionary("VALUE A X 1\n", "f:1:");
        assertBadDictionary("ATTRIBUTE A 1 text\nVALUE A X 1\n", "f:2:");
        assertBadDictionary("ATTRIBUTE A 1 integer\nVALUE A X 1\nVALUE A x 2\n", "f:3:");
        assertBadDictionary("  # fine\nATTRIBUTE A 1 integer extra\n", "f:2:");
        assertBadDictionary("VENDOR Acme 9\n", "f:1:");
    }

    @Test
    void readsCommentsBlankLinesAndSecretFlag() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("one", "# comment\n\nATTRIBUTE Pin 200 text secret # trailing comment\n");
        files.put("two", "ATTRIBUTE Colour 201 integer\r\nVALUE Colour Blue 3\r\n");
        RadiusDictionary dictionary = RadiusDictionary.parse(files);

        assertEquals("(hidden)", dictionary.render(new RadiusAttribute(200, ascii("1234"))));
        assertEquals("Blue", dictionary.render(dictionary.attribute("Colour", "blue")));
    }

    private static void assertBadDictionary(String text, String where) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RadiusDictionary.parse(Map.of("f", text)));
        assertTrue(e.getMessage().startsWith(where), e.getMessage());
    }
}
