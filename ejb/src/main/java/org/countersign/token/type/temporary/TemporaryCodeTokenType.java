package org.countersign.token.type.temporary;

import jakarta.enterprise.context.ApplicationScoped;
import org.countersign.token.type.ServerCodeTokenType;
import org.countersign.token.type.TokenTypeId;

/** Temporary code for a user who lost the phone: valid for a set number of days and uses; issued by helpdesk or the Lost Token portal. */
@ApplicationScoped
public class TemporaryCodeTokenType extends ServerCodeTokenType {

    public static final TokenTypeId ID = new TokenTypeId("temporary");

    public TemporaryCodeTokenType() {
        super(ID, false, false);
    }
}
