package org.countersign.radius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.countersign.api.radius.RadiusClientSettings;
import org.countersign.api.radius.ReplyAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RadiusClientRulesTest {

    private static RadiusClientSettings settings(String name, String network, String secret, String mode) {
        return new RadiusClientSettings(name, network, secret, mode, true, false);
    }

    @Test
    void acceptsAGoodClient() {
        assertEquals(Map.of(), RadiusClientRules.check(settings("vpn-1", "192.0.2.10", "Xk9!vQ2rT7mZp4Lw", "CHALLENGE"), true));
        assertEquals(Map.of(), RadiusClientRules.check(settings("office", "2001:db8::/32", "Xk9!vQ2rT7mZp4Lw", "PASSCODE_ONLY"), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "vpn.example.com", "192.0.2.300", "192.0.2.0/33", "192.0.2.0/x", "1.2.3.4/5/6"})
    void refusesNetworksThatAreNotAddresses(String network) {
        assertTrue(RadiusClientRules.check(settings("a", network, "Xk9!vQ2rT7mZp4Lw", "CHALLENGE"), true).containsKey("network"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "quote\"", "back\\slash", "semi;colon", "amp&", "dollar$", "tab\t", "é-accent"})
    void refusesSecretsThatBreakDeviceConfigurations(String secret) {
        assertTrue(RadiusClientRules.check(settings("a", "192.0.2.1", secret, "CHALLENGE"), true).containsKey("secret"), secret);
    }

    @Test
    void secretIsRequiredOnAddOnlyAndModeMustBeKnown() {
        Map<String, String> errors = RadiusClientRules.check(settings("", "192.0.2.1", null, "FAST"), true);
        assertEquals(java.util.Set.of("name", "secret", "authMode"), errors.keySet());
        assertNull(RadiusClientRules.check(settings("a", "192.0.2.1", null, "CHALLENGE"), false).get("secret"));
    }

    @Test
    void warnsAboutShortSecretsAndMissingMessageAuthenticator() {
        RadiusClient client = new RadiusClient("a", "192.0.2.1", RadiusAuthMode.CHALLENGE, Instant.EPOCH);
        assertEquals(0, RadiusClientRules.warnings(client, 16).size());
        client.change("a", "192.0.2.1", RadiusAuthMode.CHALLENGE, false, false, Instant.EPOCH);
        assertEquals(2, RadiusClientRules.warnings(client, 8).size());
        assertTrue(RadiusClientRules.warnings(client, 16).get(0).contains("BlastRADIUS"));
    }

    private static Map<String, String> withReplies(ReplyAttribute... replies) {
        return RadiusClientRules.check(new RadiusClientSettings("vpn-1", "192.0.2.10", "Xk9!vQ2rT7mZp4Lw", "CHALLENGE", true, false,
                List.of(replies)), true);
    }

    @Test
    void acceptsTheReplyAttributesADeviceExpects() {
        assertEquals(Map.of(), withReplies(new ReplyAttribute("Class", "vpn-users", null),
                new ReplyAttribute("Filter-Id", "admins-acl", "CN=VPN-Admins,OU=Groups,DC=example,DC=com"),
                new ReplyAttribute("Session-Timeout", "28800", ""), new ReplyAttribute("Service-Type", "Framed-User", null),
                new ReplyAttribute("Framed-IP-Address", "192.0.2.77", null), new ReplyAttribute("Class", "0x0102ff", null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"User-Password|x", "Message-Authenticator|0x00", "State|0x01", "Session-Timeout|-1",
            "Session-Timeout|4294967296", "Service-Type|Superuser", "Framed-IP-Address|host.example.com", "Framed-IP-Address|300.1.1.1",
            "Filter-Id|", "Filter-Id|line\nbreak", "Class|0xzz"})
    void refusesReplyAttributesThatAreNotAllowedOrMalformed(String nameAndValue) {
        String[] parts = nameAndValue.replace("\\n", "\n").split("\\|", -1);
        assertTrue(withReplies(new ReplyAttribute(parts[0], parts[1], null)).containsKey("replyAttributes"), nameAndValue);
    }

    @Test
    void refusesTooManyReplyAttributesAndOverlongValues() {
        ReplyAttribute[] many = new ReplyAttribute[RadiusClientRules.MAX_REPLY_ATTRIBUTES + 1];
        java.util.Arrays.fill(many, new ReplyAttribute("Filter-Id", "x", null));
        assertTrue(withReplies(many).containsKey("replyAttributes"));
        assertTrue(withReplies(new ReplyAttribute("Filter-Id", "x".repeat(254), null)).containsKey("replyAttributes"));
    }

    @Test
    void classTextGoesOnTheWireAsItsOctets() {
        assertEquals("0x7670", RadiusClientRules.onWire(new ReplyAttribute("Class", "vp", null)).value());
        assertEquals("0x0102", RadiusClientRules.onWire(new ReplyAttribute("Class", "0x0102", null)).value());
        assertEquals("acl", RadiusClientRules.onWire(new ReplyAttribute("Filter-Id", "acl", null)).value());
    }

    @Test
    void groupAttributesGoOnlyToMembersByDnOrName() {
        Set<String> groups = Set.of("cn=vpn-admins,ou=groups,dc=example,dc=com");
        assertTrue(new ReplyAttribute("Filter-Id", "a", null).appliesTo(Set.of()));
        assertTrue(new ReplyAttribute("Filter-Id", "a", "CN=VPN-Admins,OU=Groups,DC=example,DC=com").appliesTo(groups));
        assertTrue(new ReplyAttribute("Filter-Id", "a", "vpn-admins").appliesTo(groups));
        assertFalse(new ReplyAttribute("Filter-Id", "a", "vpn-users").appliesTo(groups));
        assertFalse(new ReplyAttribute("Filter-Id", "a", "VPN-Admins").appliesTo(Set.of()));
    }
}
