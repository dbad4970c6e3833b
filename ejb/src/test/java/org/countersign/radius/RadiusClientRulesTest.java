package org.countersign.radius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.countersign.api.radius.RadiusClientSettings;
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
}
