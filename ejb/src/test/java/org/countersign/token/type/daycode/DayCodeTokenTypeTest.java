package org.countersign.token.type.daycode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.countersign.api.token.RejectReason;
import org.countersign.otp.Passcode;
import org.countersign.token.type.TokenPolicy;
import org.countersign.token.type.TokenState;
import org.countersign.token.type.Verification;
import org.junit.jupiter.api.Test;

class DayCodeTokenTypeTest {

    private final DayCodeTokenType type = new DayCodeTokenType();

    private static TokenState state(int usesLeft) {
        return new TokenState(null, null, -1, "hash:550122", null, null, usesLeft, "any-login", TokenPolicy.defaults(),
                (stored, offered) -> stored.equals("hash:" + offered));
    }

    @Test
    void isValidUntilUsedWhateverTheLoginOrTime() {
        assertEquals(new Verification.Accepted(-1, 0), type.verify(state(1), Passcode.parse("550122"), Instant.parse("2030-01-01T00:00:00Z")));
    }

    @Test
    void isRefusedOnceUsed() {
        assertEquals(new Verification.Rejected(RejectReason.EXPIRED), type.verify(state(0), Passcode.parse("550122"), Instant.EPOCH));
    }
}
