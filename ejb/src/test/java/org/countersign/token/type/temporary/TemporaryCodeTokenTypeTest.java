package org.countersign.token.type.temporary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.countersign.api.token.RejectReason;
import org.countersign.otp.Passcode;
import org.countersign.token.type.TokenPolicy;
import org.countersign.token.type.TokenState;
import org.countersign.token.type.Verification;
import org.junit.jupiter.api.Test;

class TemporaryCodeTokenTypeTest {

    private static final Instant ISSUED = Instant.parse("2026-11-23T10:00:00Z");
    private final TemporaryCodeTokenType type = new TemporaryCodeTokenType();

    private static TokenState state(int usesLeft) {
        return new TokenState(null, null, -1, "hash:12345678", null, ISSUED.plus(Duration.ofDays(3)), usesLeft, null,
                TokenPolicy.defaults(), (stored, offered) -> stored.equals("hash:" + offered));
    }

    @Test
    void countsDownItsUses() {
        assertEquals(new Verification.Accepted(-1, 4), type.verify(state(5), Passcode.parse("12345678"), ISSUED));
    }

    @Test
    void expiresAfterItsDays() {
        assertEquals(new Verification.Rejected(RejectReason.EXPIRED),
                type.verify(state(5), Passcode.parse("12345678"), ISSUED.plus(Duration.ofDays(3))));
    }

    @Test
    void rejectsAWrongCode() {
        assertEquals(new Verification.Rejected(RejectReason.WRONG_CODE), type.verify(state(5), Passcode.parse("12345679"), ISSUED));
    }
}
