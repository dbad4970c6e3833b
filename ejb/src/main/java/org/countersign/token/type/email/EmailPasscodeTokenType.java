package org.countersign.token.type.email;

import jakarta.enterprise.context.ApplicationScoped;
import org.countersign.token.type.ServerCodeTokenType;
import org.countersign.token.type.TokenTypeId;

/** One-time code sent by e-mail on demand: valid once, for at most 10 minutes, only for the login that asked. */
@ApplicationScoped
public class EmailPasscodeTokenType extends ServerCodeTokenType {

    public static final TokenTypeId ID = new TokenTypeId("email");

    public EmailPasscodeTokenType() {
        super(ID, true, true);
    }
}
