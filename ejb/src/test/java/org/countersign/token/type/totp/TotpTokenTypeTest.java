package org.countersign.token.type.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.countersign.api.token.RejectReason;
import org.countersign.otp.OtpParameters;
import org.countersign.otp.Passcode;
import org.countersign.otp.Totp;
import org.countersign.token.type.CodeHashes;
import org.countersign.token.type.TokenPolicy;
import org.countersign.token.type.TokenState;
import org.countersign.token.type.Verification;
import org.junit.jupiter.api.Test;

class TotpTokenTypeTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:10Z");
    private static final long STEP = Totp.step(NOW, OtpParameters.defaults());
    private final TotpTokenType type = new TotpTokenType();

    private static TokenState state(long lastAccepted) {
        CodeHashes none = (stored, offered) -> false;
        return new TokenState(SEED, OtpParameters.defaults(), lastAccepted, null, null, null, 0, null, TokenPolicy.defaults(), none);
    }

    private static Passcode code(long step) {
        return Passcode.parse(Totp.generateAtStep(SEED, step, OtpParameters.defaults()));
    }

    @Test
    void acceptsCurrentCodeAndMovesToItsStep() {
        assertEquals(new Verification.Accepted(STEP, 0), type.verify(state(-1), code(STEP), NOW));
    }

    @Test
    void rejectsReplayedCodeInSameTimeStep() {
        assertEquals(new Verification.Rejected(RejectReason.REPLAYED), type.verify(state(STEP), code(STEP), NOW));
    }

    @Test
    void rejectsCodeOutsideTheWindow() {
        assertEquals(new Verification.Rejected(RejectReason.WRONG_CODE), type.verify(state(-1), code(STEP + 2), NOW));
    }
}
