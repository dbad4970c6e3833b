package org.countersign.token.type.temporary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.countersign.otp.Passcode;
import org.countersign.token.type.Capabilities;
import org.countersign.token.type.ServerCodes;
import org.countersign.token.type.TokenState;
import org.countersign.token.type.TokenType;
import org.countersign.token.type.TokenTypeId;
import org.countersign.token.type.Verification;

/** Temporary code for a user who lost the phone: valid for a set number of days and uses; issued by helpdesk or the Lost Token portal. */
@ApplicationScoped
public class TemporaryCodeTokenType implements TokenType {

    public static final TokenTypeId ID = new TokenTypeId("temporary");
    private static final Capabilities CAPABILITIES = new Capabilities(false, true, false, false,
            "token.type.temporary.name", "token.type.temporary.description");

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
