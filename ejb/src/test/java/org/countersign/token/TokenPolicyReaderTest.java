package org.countersign.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.countersign.token.type.TokenPolicy;
import org.junit.jupiter.api.Test;

class TokenPolicyReaderTest {

    @Test
    void eachSettingOverridesItsDefaultAndAbsentOnesKeepTheirs() {
        assertEquals(TokenPolicy.defaults(), TokenPolicyReader.of(Map.of()));
        TokenPolicy policy = TokenPolicyReader.of(Map.of("otp.window", "3", "lockout.threshold", " 5 ", "passcode.lifetime-minutes", "7"));
        assertEquals(3, policy.window());
        assertEquals(5, policy.lockoutThreshold());
        assertEquals(Duration.ofMinutes(7), policy.codeLifetime());
        assertEquals(TokenPolicy.defaults().hardLimit(), policy.hardLimit());
    }

    @Test
    void aValueThatIsNotANumberIsAnErrorNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenPolicyReader.of(Map.of("lockout.hard-limit", "ten")));
        assertEquals("setting lockout.hard-limit must be a whole number, got 'ten'", e.getMessage());
    }
}
