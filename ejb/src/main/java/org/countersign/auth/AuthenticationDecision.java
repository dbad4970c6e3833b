package org.countersign.auth;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.countersign.api.audit.AuditRecord;
import org.countersign.audit.AuditWriter;
import org.countersign.directory.DirectoryLookup;
import org.countersign.token.TokenBean;
import org.countersign.token.UnlockedTokens;
import org.countersign.api.auth.AuthAttempt;
import org.countersign.api.auth.AuthOutcome;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.directory.PasswordVerdict;
import org.countersign.api.settings.SettingsService;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.token.TokenStatus;
import org.countersign.api.token.TokenView;
import org.countersign.api.token.UserTokens;
import org.countersign.api.token.VerificationOutcome;
import org.countersign.user.UserIndexBean;

/**
 * The decision, for every entry point: {@link AuthenticationBean} for the portals, and the RADIUS endpoint directly,
 * without a bean call. It must run outside any transaction (its callers see to that): most of its time is spent waiting
 * for directories, and neither a database connection nor a row lock is held meanwhile. What it changes (a token's
 * state, a challenge spent, the audit record) is each written in a short transaction of its own. Thread-safe.
 */
@ApplicationScoped
public class AuthenticationDecision {

    private static final Logger LOG = Logger.getLogger(AuthenticationDecision.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> OUT_OF_BAND = List.of("sms", "email");

    @EJB
    private Challenges challenges;

    /** The directories' look-ups, called directly: no container invocation for them on every request. */
    @Inject
    private DirectoryLookup directories;

    /** The token reads and the common acceptance, called directly for the same reason; the rest goes to {@link #tokens}. */
    @Inject
    private UnlockedTokens unlocked;

    /**
     * The token bean itself, not {@code TokenService}: what the unlocked path leaves goes straight to the locked one.
     * {@code TokenService.verify} would first try the unlocked acceptance again, a second computation of every
     * refused code.
     */
    @EJB
    private TokenBean tokens;

    @EJB
    private SettingsService settings;

    /** The audit group commit itself, not {@code AuditService}: one EJB call fewer on every RADIUS request. */
    @Inject
    private AuditWriter audit;

    @EJB
    private UserIndexBean users;

    /** The token that accepted the attempt being decided, for its audit record, and whether that is written already. */
    private static final class Acceptance {
        VerificationOutcome.Accepted token;
        /** Written with the token's new state, in its transaction (the unlocked acceptance). */
        boolean audited;
    }

    /**
     * Decides an attempt and writes its one audit record. Never throws for a failure of a directory, the database or a
     * token check: that is a Reject.
     *
     * @throws RuntimeException only when the audit record itself could not be written
     */
    public AuthOutcome authenticate(AuthAttempt attempt) {
        AuthOutcome outcome;
        Acceptance acceptance = new Acceptance();
        try {
            outcome = decide(attempt, acceptance);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "authentication of " + attempt.login() + " via " + attempt.client() + " failed closed", e);
            outcome = new AuthOutcome.Reject("internal error: " + e.getClass().getSimpleName());
        }
        if (outcome instanceof AuthOutcome.Accept && acceptance.audited) {
            return outcome;
        }
        String result = outcome instanceof AuthOutcome.Accept ? "ACCEPTED" : outcome instanceof AuthOutcome.Challenge ? "CHALLENGED" : "REJECTED";
        String reason = outcome instanceof AuthOutcome.Reject r ? r.reason() : null;
        // the one record of an accepted attempt: the token service writes none of its own (AttemptSource.callerAudits)
        VerificationOutcome.Accepted token = outcome instanceof AuthOutcome.Accept ? acceptance.token : null;
        audit.write(record(attempt, result, reason, outcome instanceof AuthOutcome.Accept a ? a.userId() : null, token));
        return outcome;
    }

    /** The attempt's one audit record. */
    private static AuditRecord record(AuthAttempt attempt, String result, String reason, String userId, VerificationOutcome.Accepted token) {
        return new AuditRecord(Instant.now(), "auth." + attempt.channel(), result, reason == null ? null : cut(reason, 32),
                attempt.login(), userId, token == null ? null : token.tokenId(), attempt.channel(), attempt.client(), attempt.address(),
                "mode " + attempt.mode() + (token == null ? "" : ", token type " + token.type()));
    }

    private AuthOutcome decide(AuthAttempt attempt, Acceptance acceptance) {
        char[] secret = attempt.secret();
        if (attempt.login() == null || attempt.login().isBlank()) {
            return new AuthOutcome.Reject("empty user name");
        }
        if (secret == null) {
            // a RADIUS request without User-Password: the client uses CHAP, MS-CHAP or EAP, which need the clear-text
            // password on the server's side, and a directory checks a password only by a bind (the guide says: PAP)
            return new AuthOutcome.Reject("no password sent");
        }
        if (secret.length == 0) {
            return new AuthOutcome.Reject("empty password");
        }
        switch (attempt.mode()) {
            case "PASSCODE_ONLY":
                return passcodeOnly(attempt, new String(secret), acceptance);
            case "CHALLENGE":
                return attempt.state() == null ? challengeStart(attempt, secret) : challengeAnswer(attempt, new String(secret), acceptance);
            case "PASSWORD_AND_PASSCODE":
                return passwordAndPasscode(attempt, secret, acceptance);
            default:
                return new AuthOutcome.Reject("unknown mode " + attempt.mode());
        }
    }

    private AuthOutcome passwordAndPasscode(AuthAttempt attempt, char[] secret, Acceptance acceptance) {
        Optional<DirectoryUserView> user = directories.findUser(attempt.login());
        // read once: the code length splits the field now, and the same rows are verified after the password (rows kept
        // from this user's last attempt will do: only the unlocked acceptance, which checks their version, uses them)
        UserTokens read = user.map(u -> unlocked.readRecent(u.userId())).orElse(null);
        List<TokenView> active = read == null ? List.of() : active(read.views());
        if (active.isEmpty()) {
            return passwordOnly(attempt, secret);
        }
        int digits = active.get(0).codeLength();
        if (digits <= 0 || secret.length <= digits) {
            return new AuthOutcome.Reject("no passcode after the password");
        }
        char[] password = Arrays.copyOf(secret, secret.length - digits);
        String passcode = new String(secret, secret.length - digits, digits);
        // one bind as the entry just found: the user is not searched for a second time
        PasswordVerdict verdict = directories.verifyPassword(user.get(), password);
        if (!(verdict instanceof PasswordVerdict.Valid valid)) {
            return rejectFor(verdict);
        }
        if (!valid.user().userId().equals(read.userId())) {
            return second(valid.user(), passcode, null, attempt, acceptance);
        }
        return verified(valid.user(), read, passcode, null, attempt, acceptance);
    }

    private AuthOutcome passcodeOnly(AuthAttempt attempt, String passcode, Acceptance acceptance) {
        Optional<DirectoryUserView> user = directories.findUser(attempt.login());
        if (user.isEmpty()) {
            return new AuthOutcome.Reject("unknown user");
        }
        return second(user.get(), passcode, null, attempt, acceptance);
    }

    private AuthOutcome challengeStart(AuthAttempt attempt, char[] password) {
        PasswordVerdict verdict = directories.verifyPassword(attempt.login(), password);
        if (!(verdict instanceof PasswordVerdict.Valid valid)) {
            return rejectFor(verdict);
        }
        String userId = valid.user().userId();
        List<TokenView> active = activeTokens(userId);
        if (active.isEmpty()) {
            return passwordOnlyAllowed(valid.user()) ? accept(valid.user()) : new AuthOutcome.Reject("no token enrolled");
        }
        byte[] state = new byte[32];
        RANDOM.nextBytes(state);
        String stateHash = hash(state);
        challenges.open(stateHash, userId, attempt.client(), Instant.now().plus(challengeLifetime()));
        Optional<TokenView> outOfBand = active.stream().filter(t -> OUT_OF_BAND.contains(t.type())).findFirst();
        if (outOfBand.isPresent()) {
            tokens.issueCode(outOfBand.get().id(), stateHash);
            return new AuthOutcome.Challenge(state, "Enter the passcode we sent you");
        }
        return new AuthOutcome.Challenge(state, "Enter the passcode from your authenticator app");
    }

    private AuthOutcome challengeAnswer(AuthAttempt attempt, String passcode, Acceptance acceptance) {
        String stateHash = hash(attempt.state());
        Challenges.Spent spent = challenges.spend(stateHash);
        if (spent instanceof Challenges.Spent.Unknown) {
            return new AuthOutcome.Reject("unknown challenge state");
        }
        if (!(spent instanceof Challenges.Spent.Fresh pending)) {
            return new AuthOutcome.Reject("challenge state reused");
        }
        if (!Instant.now().isBefore(pending.expiresAt())) {
            return new AuthOutcome.Reject("challenge state expired");
        }
        if (!pending.client().equals(attempt.client())) {
            return new AuthOutcome.Reject("challenge state of another client");
        }
        Optional<DirectoryUserView> user = directories.findUser(attempt.login());
        if (user.isEmpty() || !user.get().userId().equals(pending.userId())) {
            return new AuthOutcome.Reject("challenge state of another user");
        }
        return second(user.get(), passcode, stateHash, attempt, acceptance);
    }

    private AuthOutcome passwordOnly(AuthAttempt attempt, char[] password) {
        PasswordVerdict verdict = directories.verifyPassword(attempt.login(), password);
        if (!(verdict instanceof PasswordVerdict.Valid valid)) {
            return rejectFor(verdict);
        }
        return passwordOnlyAllowed(valid.user()) ? accept(valid.user()) : new AuthOutcome.Reject("no token enrolled");
    }

    private AuthOutcome second(DirectoryUserView user, String passcode, String binding, AuthAttempt attempt, Acceptance acceptance) {
        return verified(user, unlocked.readRecent(user.userId()), passcode, binding, attempt, acceptance);
    }

    /**
     * The passcode against the tokens read: accepted without a lock in the common case, with the attempt's audit record in
     * the same transaction as the token's new state; else decided under a lock, and the record written after.
     */
    private AuthOutcome verified(DirectoryUserView user, UserTokens read, String passcode, String binding, AuthAttempt attempt,
                                 Acceptance acceptance) {
        VerificationOutcome outcome = unlocked.accept(read, passcode, binding, source(attempt),
                token -> record(attempt, "ACCEPTED", null, user.userId(), token));
        if (outcome != null) {
            acceptance.audited = true;
        } else {
            outcome = tokens.verifyLocked(read.userId(), passcode, binding, source(attempt));
        }
        return outcome instanceof VerificationOutcome.Accepted accepted ? accepted(user, accepted, acceptance) : rejected(outcome);
    }

    /** This bean writes the one audit record of the attempt (the token service writes none for an acceptance). */
    private static AttemptSource source(AuthAttempt attempt) {
        return new AttemptSource(attempt.channel(), attempt.client(), attempt.address(), true);
    }

    private static AuthOutcome accepted(DirectoryUserView user, VerificationOutcome.Accepted token, Acceptance acceptance) {
        acceptance.token = token;
        return accept(user);
    }

    private static AuthOutcome rejected(VerificationOutcome outcome) {
        return new AuthOutcome.Reject("passcode " + ((VerificationOutcome.Rejected) outcome).reason());
    }

    private static AuthOutcome accept(DirectoryUserView user) {
        return new AuthOutcome.Accept(user.userId(), user.groups());
    }

    private List<TokenView> activeTokens(String userId) {
        return active(unlocked.read(userId).views());
    }

    private static List<TokenView> active(List<TokenView> all) {
        return all.stream().filter(t -> t.status() == TokenStatus.ACTIVE || t.status() == TokenStatus.LOCKED).toList();
    }

    private static AuthOutcome rejectFor(PasswordVerdict verdict) {
        if (verdict instanceof PasswordVerdict.Refused refused) {
            return new AuthOutcome.Reject("account " + refused.accountState());
        }
        if (verdict instanceof PasswordVerdict.Unavailable unavailable) {
            return new AuthOutcome.Reject("directory unavailable");
        }
        return new AuthOutcome.Reject("wrong password or unknown user");
    }

    /**
     * Password only is an administrator's explicit choice (setting auth.allow-password-only), and never for
     * members of the directory's two-factor group or users the helpdesk switched on for two factors.
     */
    private boolean passwordOnlyAllowed(DirectoryUserView user) {
        return !user.twoFactorMember() && !users.twoFactorSwitchedOn(user.userId()) && Boolean.parseBoolean(settings.find("auth.allow-password-only").orElse("false"));
    }

    private Duration challengeLifetime() {
        String value = settings.find("auth.challenge-seconds").orElse("120");
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds < 10 || seconds > 900) {
                throw new IllegalArgumentException("setting auth.challenge-seconds must be 10 to 900, got " + seconds);
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting auth.challenge-seconds must be a whole number, got '" + value + "'", e);
        }
    }

    private static String hash(byte[] state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(state));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

}
