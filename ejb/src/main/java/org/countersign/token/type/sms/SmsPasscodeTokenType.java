package org.countersign.token.type.sms;

import jakarta.enterprise.context.ApplicationScoped;
import org.countersign.token.type.ServerCodeTokenType;
import org.countersign.token.type.TokenTypeId;

/** One-time code sent by SMS on demand: valid once, for at most 10 minutes, only for the login that asked. */
@ApplicationScoped
public class SmsPasscodeTokenType extends ServerCodeTokenType {

    public static final TokenTypeId ID = new TokenTypeId("sms");

    public SmsPasscodeTokenType() {
        super(ID, true, true);
    }
}
