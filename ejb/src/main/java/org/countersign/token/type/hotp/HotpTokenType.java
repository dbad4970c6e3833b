package org.countersign.token.type.hotp;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.countersign.otp.OtpMatcher;
import org.countersign.otp.Passcode;
import org.countersign.token.type.Capabilities;
import org.countersign.token.type.TokenState;
import org.countersign.token.type.TokenType;
import org.countersign.token.type.TokenTypeId;
import org.countersign.token.type.Verification;

/** Counter-based soft token: the next codes within the policy's look-ahead; the counter only moves forward. */
@ApplicationScoped
public class HotpTokenType implements TokenType {

    public static final TokenTypeId ID = new TokenTypeId("hotp");
    private static final Capabilities CAPABILITIES = new Capabilities(true, false, false, true,
            "token.type.hotp.name", "token.type.hotp.description");

    @Override
    public TokenTypeId id() {
        return ID;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Verification verify(TokenState state, Passcode offered, Instant now) {
        return Verification.of(OtpMatcher.hotp(state.seed(), state.parameters(), offered, state.lastAccepted(), state.policy().lookAhead()));
    }
}
