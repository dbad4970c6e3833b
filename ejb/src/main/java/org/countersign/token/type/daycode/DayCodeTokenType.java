package org.countersign.token.type.daycode;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.countersign.otp.Passcode;
import org.countersign.token.type.Capabilities;
import org.countersign.token.type.ServerCodes;
import org.countersign.token.type.TokenState;
import org.countersign.token.type.TokenType;
import org.countersign.token.type.TokenTypeId;
import org.countersign.token.type.Verification;

/** Code sent ahead by SMS or e-mail: single use, valid until used or replaced. */
@ApplicationScoped
public class DayCodeTokenType implements TokenType {

    public static final TokenTypeId ID = new TokenTypeId("daycode");
    private static final Capabilities CAPABILITIES = new Capabilities(false, true, false, true,
            "token.type.daycode.name", "token.type.daycode.description");

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
        return ServerCodes.verify(state, offered, now, false);
    }
}
