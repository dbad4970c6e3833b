package org.countersign.token.type.sms;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.countersign.otp.Passcode;
import org.countersign.token.type.Capabilities;
import org.countersign.token.type.ServerCodes;
import org.countersign.token.type.TokenState;
import org.countersign.token.type.TokenType;
import org.countersign.token.type.TokenTypeId;
import org.countersign.token.type.Verification;

/** One-time code sent by SMS on demand: valid once, for at most 10 minutes, only for the login that asked. */
@ApplicationScoped
public class SmsPasscodeTokenType implements TokenType {

    public static final TokenTypeId ID = new TokenTypeId("sms");
    private static final Capabilities CAPABILITIES = new Capabilities(false, true, true, true,
            "token.type.sms.name", "token.type.sms.description");

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
        return ServerCodes.verify(state, offered, now, true);
    }
}
