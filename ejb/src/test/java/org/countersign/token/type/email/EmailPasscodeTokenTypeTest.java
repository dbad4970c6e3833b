package org.countersign.token.type.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.countersign.api.token.RejectReason;
import org.countersign.otp.Passcode;
import org.countersign.token.type.TokenPolicy;
import org.countersign.token.type.TokenState;
import org.countersign.token.type.Verification;
import org.junit.jupiter.api.Test;

class EmailPasscodeTokenTypeTest {

    private final EmailPasscodeTokenType type = new EmailPasscodeTokenType();

    @Test
    void isSentOnDemandAndBoundToTheLogin() {
        assertTrue(type.capabilities().outOfBand() && type.capabilities().serverMadeCodes());
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        TokenState state = new TokenState(null, null, -1, "hash:771204", "login-9", now.plusSeconds(600), 1, null,
                TokenPolicy.defaults(), (stored, offered) -> stored.equals("hash:" + offered));
        assertEquals(new Verification.Rejected(RejectReason.WRONG_CODE), type.verify(state, Passcode.parse("771204"), now),
                "an attempt without the login binding is refused");
    }
}
