package org.countersign.token.type.daycode;

import jakarta.enterprise.context.ApplicationScoped;
import org.countersign.token.type.ServerCodeTokenType;
import org.countersign.token.type.TokenTypeId;

/** Code sent ahead by SMS or e-mail: single use, valid until used or replaced. */
@ApplicationScoped
public class DayCodeTokenType extends ServerCodeTokenType {

    public static final TokenTypeId ID = new TokenTypeId("daycode");

    public DayCodeTokenType() {
        super(ID, false, true);
    }
}
