package org.countersign.api.token;

import java.util.List;

/**
 * The tokens of one user as read at one moment ({@link TokenService#read}), for a decision that needs them before it
 * verifies a code, such as the length of the code at the end of a password field. Handed back to
 * {@link TokenService#verify(UserTokens, String, String, AttemptSource)}, they spare reading the tokens a second time
 * when none changed meanwhile. Not for keeping: a moment later they may be out of date.
 */
public interface UserTokens {

    String userId();

    /** @return the user's tokens, newest first */
    List<TokenView> views();
}
