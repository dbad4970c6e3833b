package org.countersign.api.token;

import jakarta.ejb.Local;
import java.util.List;

/**
 * Enrols, verifies and manages users' tokens. Every verification is audited, every failure counted,
 * and a code accepted once is never accepted again, also when the same code arrives concurrently
 * on several servers sharing the database. Container-managed and thread-safe.
 */
@Local
public interface TokenService {

    /**
     * Enrols a new soft token (TOTP or HOTP) for a user. It stays PENDING until {@link #activate} sees its first correct code.
     *
     * @param userId the directory-qualified user id
     * @param type {@code totp} or {@code hotp}
     * @param account the account name shown in the authenticator app (usually the login name)
     * @param parameters algorithm, digits, period
     * @throws TokenException if the type is unknown or not a soft token, or the parameters are refused
     */
    SoftTokenEnrolment enrolSoftToken(String userId, String type, String account, SoftTokenParameters parameters);

    /**
     * Enrols a token of a type whose codes the server makes (SMS or e-mail passcode, day code).
     *
     * @throws TokenException if the type is unknown or is a soft token
     */
    TokenView enrolServerCodeToken(String userId, String type);

    /**
     * Activates a PENDING token with its first correct code (RFC 6238 window applies).
     *
     * @return the outcome; on acceptance the token is ACTIVE
     */
    VerificationOutcome activate(String tokenId, String code, AttemptSource source);

    /**
     * Checks a passcode against the user's ACTIVE tokens.
     *
     * @param userId the directory-qualified user id
     * @param code what the user typed
     * @param source where the attempt came from
     * @return accepted (the token moved forward) or rejected with the reason
     */
    VerificationOutcome verify(String userId, String code, AttemptSource source);

    /**
     * Like {@link #verify(String, String, AttemptSource)}, for the second step of a login that asked for an SMS or
     * e-mail passcode: such a code is accepted only with the binding it was issued for (see {@link #issueCode}).
     *
     * @param binding the login the attempt belongs to (for example the RADIUS State), or {@code null}
     */
    VerificationOutcome verify(String userId, String code, String binding, AttemptSource source);

    /** @return the user's tokens as they are now, for {@link #verify(UserTokens, String, String, AttemptSource)} */
    UserTokens read(String userId);

    /**
     * Like {@link #verify(String, String, String, AttemptSource)} for the user whose tokens were read a moment ago by
     * {@link #read}. If none of them changed since, they are not read again; if one did, the verification goes by the
     * tokens as they are now, exactly as the other method.
     */
    VerificationOutcome verify(UserTokens read, String code, String binding, AttemptSource source);

    /**
     * Makes a new one-time code for a server-code token (SMS, e-mail, day code), stores only its keyed
     * hash and hands the code to the passcode sender. For SMS and e-mail passcodes the code is bound
     * to {@code binding} (the login that asked) and valid for at most 10 minutes.
     *
     * @return the token as it now stands
     */
    TokenView issueCode(String tokenId, String binding);

    /**
     * Issues a temporary code (lost token) valid for the given days and uses; the code is returned once, never stored in clear.
     *
     * @return the code, to be shown to the helpdesk agent or the user once
     */
    String issueTemporaryCode(String userId, int validDays, int maxUses, String actor);

    /** Resynchronises an HOTP token with two consecutive codes (RFC 4226 section 7.4). */
    VerificationOutcome resync(String tokenId, String firstCode, String secondCode, String actor);

    /** Unlocks a LOCKED token and clears its fail count. */
    TokenView unlock(String tokenId, String actor);

    /** Disables a token: it verifies nothing until re-enabled by a new enrolment. */
    TokenView disable(String tokenId, String actor);

    /** Marks a token lost: it never verifies again. */
    TokenView markLost(String tokenId, String actor);

    /** @return the user's tokens, newest first */
    List<TokenView> tokensOf(String userId);
}
