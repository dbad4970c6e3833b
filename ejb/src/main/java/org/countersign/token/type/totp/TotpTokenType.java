package org.countersign.token.type.totp;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.countersign.otp.Match;
import org.countersign.otp.OtpMatcher;
import org.countersign.otp.Passcode;
import org.countersign.otp.Totp;
import org.countersign.token.type.DeclaredTokenType;
import org.countersign.token.type.TokenState;
import org.countersign.token.type.TokenTypeId;
import org.countersign.token.type.Verification;

/** Time-based soft token: the code of the current step, within the policy's drift window, each step used once. */
@ApplicationScoped
public class TotpTokenType extends DeclaredTokenType {

    public static final TokenTypeId ID = new TokenTypeId("totp");
    public TotpTokenType() {
        super(ID, declare(ID, true, false, false, true));
    }

    @Override
    public Verification verify(TokenState state, Passcode offered, Instant now) {
        long current = Totp.step(now, state.parameters());
        Match match = OtpMatcher.totp(state.seed(), state.parameters(), offered, current, state.policy().window(), state.lastAccepted());
        return Verification.of(match);
    }
}
