package org.countersign.token.type.hotp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.countersign.api.token.RejectReason;
import org.countersign.otp.OtpParameters;
import org.countersign.otp.Passcode;
import org.countersign.token.type.TokenPolicy;
import org.countersign.token.type.TokenState;
import org.countersign.token.type.Verification;
import org.junit.jupiter.api.Test;

class HotpTokenTypeTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private final HotpTokenType type = new HotpTokenType();

    private static TokenState state(long lastAccepted) {
        return new TokenState(SEED, OtpParameters.defaults(), lastAccepted, null, null, null, 0, null, TokenPolicy.defaults(),
                (stored, offered) -> false);
    }

    @Test
    void acceptsACodeWithinLookAheadAndMovesTheCounter() {
        // RFC 4226 Appendix D: counter 7 -> 162583
        assertEquals(new Verification.Accepted(7, 0), type.verify(state(2), Passcode.parse("162583"), Instant.EPOCH));
    }

    @Test
    void neverAcceptsAnOldCounterAgain() {
        assertEquals(new Verification.Rejected(RejectReason.WRONG_CODE), type.verify(state(7), Passcode.parse("162583"), Instant.EPOCH));
    }
}
