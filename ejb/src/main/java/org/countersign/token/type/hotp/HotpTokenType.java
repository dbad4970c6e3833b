package org.countersign.token.type.hotp;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.countersign.otp.OtpMatcher;
import org.countersign.otp.Passcode;
import org.countersign.token.type.DeclaredTokenType;
import org.countersign.token.type.TokenState;
import org.countersign.token.type.TokenTypeId;
import org.countersign.token.type.Verification;

/** Counter-based soft token: the next codes within the policy's look-ahead; the counter only moves forward. */
@ApplicationScoped
public class HotpTokenType extends DeclaredTokenType {

    public static final TokenTypeId ID = new TokenTypeId("hotp");
    public HotpTokenType() {
        super(ID, declare(ID, true, false, false, true));
    }

    @Override
    public Verification verify(TokenState state, Passcode offered, Instant now) {
        return Verification.of(OtpMatcher.hotp(state.seed(), state.parameters(), offered, state.lastAccepted(), state.policy().lookAhead()));
    }
}
