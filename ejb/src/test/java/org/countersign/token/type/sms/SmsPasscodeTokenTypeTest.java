package org.countersign.token.type.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.countersign.api.token.RejectReason;
import org.countersign.otp.Passcode;
import org.countersign.token.type.CodeHashes;
import org.countersign.token.type.TokenPolicy;
import org.countersign.token.type.TokenState;
import org.countersign.token.type.Verification;
import org.junit.jupiter.api.Test;

class SmsPasscodeTokenTypeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final CodeHashes PLAIN = (stored, offered) -> stored.equals("hash:" + offered);
    private final SmsPasscodeTokenType type = new SmsPasscodeTokenType();

    private static TokenState sent(String code, Instant expires, String sentFor, String attemptFor) {
        return new TokenState(null, null, -1, "hash:" + code, sentFor, expires, 1, attemptFor, TokenPolicy.defaults(), PLAIN);
    }

    @Test
    void acceptsTheCodeOnceForTheLoginThatAskedBeforeItExpires() {
        assertEquals(new Verification.Accepted(-1, 0),
                type.verify(sent("482913", NOW.plusSeconds(60), "login-1", "login-1"), Passcode.parse("482913"), NOW));
    }

    @Test
    void rejectsTheCodeForAnotherLogin() {
        assertEquals(new Verification.Rejected(RejectReason.WRONG_CODE),
                type.verify(sent("482913", NOW.plusSeconds(60), "login-1", "login-2"), Passcode.parse("482913"), NOW));
    }

    @Test
    void rejectsAnExpiredCode() {
        assertEquals(new Verification.Rejected(RejectReason.EXPIRED),
                type.verify(sent("482913", NOW, "login-1", "login-1"), Passcode.parse("482913"), NOW));
    }

    @Test
    void rejectsWhenNoCodeIsOutstanding() {
        TokenState none = new TokenState(null, null, -1, null, null, null, 0, "login-1", TokenPolicy.defaults(), PLAIN);
        assertEquals(new Verification.Rejected(RejectReason.WRONG_CODE), type.verify(none, Passcode.parse("482913"), NOW));
    }
}
