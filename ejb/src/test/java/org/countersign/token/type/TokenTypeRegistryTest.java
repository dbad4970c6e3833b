package org.countersign.token.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.countersign.token.type.daycode.DayCodeTokenType;
import org.countersign.token.type.email.EmailPasscodeTokenType;
import org.countersign.token.type.hotp.HotpTokenType;
import org.countersign.token.type.sms.SmsPasscodeTokenType;
import org.countersign.token.type.temporary.TemporaryCodeTokenType;
import org.countersign.token.type.totp.TotpTokenType;
import org.junit.jupiter.api.Test;

class TokenTypeRegistryTest {

    @Test
    void findsEveryTypeByIdAndDeclaresCapabilitiesAsData() {
        TokenTypeRegistry registry = TokenTypeRegistry.of(List.of(new TotpTokenType(), new HotpTokenType(), new SmsPasscodeTokenType(),
                new EmailPasscodeTokenType(), new DayCodeTokenType(), new TemporaryCodeTokenType()));
        assertEquals(List.of("daycode", "email", "hotp", "sms", "temporary", "totp"),
                registry.all().stream().map(t -> t.id().value()).toList());
        assertTrue(registry.find("totp").orElseThrow().capabilities().seeded());
        assertTrue(registry.find("sms").orElseThrow().capabilities().outOfBand());
        assertEquals("token.type.daycode.name", registry.find("daycode").orElseThrow().capabilities().nameKey());
        assertTrue(registry.find("push").isEmpty());
    }

    @Test
    void everyTypeHasItsNameAndDescriptionInTheMessageBundle() {
        java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle("org.countersign.token.type.messages");
        for (TokenType type : List.of(new TotpTokenType(), new HotpTokenType(), new SmsPasscodeTokenType(),
                new EmailPasscodeTokenType(), new DayCodeTokenType(), new TemporaryCodeTokenType())) {
            assertTrue(bundle.containsKey(type.capabilities().nameKey()), type.capabilities().nameKey());
            assertTrue(bundle.containsKey(type.capabilities().descriptionKey()), type.capabilities().descriptionKey());
        }
    }

    @Test
    void refusesTwoTypesWithOneId() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TokenTypeRegistry.of(List.of(new TotpTokenType(), new TotpTokenType())));
        assertTrue(e.getMessage().contains("totp"), e.getMessage());
    }

    @Test
    void refusesMalformedTypeIds() {
        assertThrows(IllegalArgumentException.class, () -> new TokenTypeId("TOTP"));
        assertThrows(IllegalArgumentException.class, () -> new TokenTypeId("x"));
    }
}
