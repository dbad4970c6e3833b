package org.countersign.token.type;

import java.time.Instant;
import org.countersign.otp.Passcode;

/**
 * One kind of token. Implementations are {@code @ApplicationScoped}, stateless and thread-safe.
 * A new type is one new class in its own subpackage plus its test; the registry finds it.
 */
public interface TokenType {

    /** @return the id stored in token rows; unique among types */
    TokenTypeId id();

    /** @return what this type can do, as data for the portals */
    Capabilities capabilities();

    /**
     * Judges one offered passcode. Pure: the caller persists the advanced state of an {@link Verification.Accepted}
     * in the same transaction that locked the token, so a code is accepted at most once.
     *
     * @param state the token's state for this attempt
     * @param offered the passcode, already checked to be ASCII digits
     * @param now the time of the attempt
     * @return accepted with the advanced state, or rejected with the reason; never {@code null}
     */
    Verification verify(TokenState state, Passcode offered, Instant now);
}
