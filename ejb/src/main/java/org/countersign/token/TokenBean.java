package org.countersign.token;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.countersign.api.audit.AuditService;
import org.countersign.api.settings.SettingsService;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.token.RejectReason;
import org.countersign.api.token.SoftTokenEnrolment;
import org.countersign.api.token.SoftTokenParameters;
import org.countersign.api.token.TokenException;
import org.countersign.api.token.TokenService;
import org.countersign.api.token.TokenStatus;
import org.countersign.api.token.TokenView;
import org.countersign.api.token.UserTokens;
import org.countersign.api.token.VerificationOutcome;
import org.countersign.otp.InvalidOtpParameterException;
import org.countersign.otp.Match;
import org.countersign.otp.OtpMatcher;
import org.countersign.otp.OtpParameters;
import org.countersign.otp.Passcode;
import org.countersign.seal.SealingBean;
import org.countersign.token.type.TokenPolicy;
import org.countersign.token.type.TokenType;
import org.countersign.token.type.Verification;

/**
 * Tokens through JPA. A verification that an unlocked read settles (one usable token, the code right) is written by one
 * conditional update: the row changes only if its version is still the one read, so of two attempts with the same code,
 * on this server or another sharing the database, only one moves the step forward. Every other verification, and any
 * that lost such a race, runs in one short transaction that first locks the user's token rows (SELECT ... FOR UPDATE)
 * and is judged from there; failures are counted in it. Audit records are written in their own transaction.
 */
@Stateless
@LocalBean
public class TokenBean implements TokenService {

    private static final String TEMPORARY = "temporary";
    private static final Set<TokenStatus> VERIFYING = UnlockedTokens.VERIFYING;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Inject
    @Any
    private Instance<PasscodeSender> senders;

    @EJB
    private SealingBean sealing;

    @EJB
    private AuditService audit;

    @EJB
    private SettingsService settings;

    @Inject
    private TokenPolicyReader policies;

    /** The reads and acceptances without a lock, which the authentication decision also calls directly. */
    @Inject
    private UnlockedTokens unlocked;

    @Resource
    private SessionContext context;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Override
    public SoftTokenEnrolment enrolSoftToken(String userId, String type, String account, SoftTokenParameters parameters) {
        requireUser(userId);
        TokenType tokenType = type(type);
        if (!tokenType.capabilities().seeded()) {
            throw new TokenException("token type " + type + " is not a soft token");
        }
        OtpParameters otp;
        try {
            otp = OtpParameters.of(parameters.algorithm(), parameters.digits(), parameters.periodSeconds());
        } catch (InvalidOtpParameterException e) {
            throw new TokenException(e.getMessage(), e);
        }
        byte[] seed = new byte[switch (otp.algorithm()) {
            case SHA1 -> 20;
            case SHA256 -> 32;
            case SHA512 -> 64;
        }];
        RANDOM.nextBytes(seed);
        Instant now = Instant.now();
        Token token = new Token(userId, type, TokenStatus.PENDING, now);
        token.otpParameters(sealing.seal(seed, Token.seedBinding(token.id())), otp.algorithm().name(), otp.digits(),
                (int) otp.period().toSeconds());
        em.persist(token);
        String issuer = settings.find("otp.issuer").orElse("Countersign");
        String uri = KeyUri.of(type, issuer, account == null || account.isBlank() ? userId : account, seed, otp);
        record(now, "token.enrol", "DONE", null, userId, userId, token.id(), null, "type " + type);
        return new SoftTokenEnrolment(token.view(), uri, QrCodes.png(uri));
    }

    @Override
    public TokenView enrolServerCodeToken(String userId, String type) {
        requireUser(userId);
        TokenType tokenType = type(type);
        if (!tokenType.capabilities().serverMadeCodes() || type.equals(TEMPORARY)) {
            throw new TokenException("token type " + type + " is not a server-code type that can be enrolled");
        }
        Instant now = Instant.now();
        Token token = new Token(userId, type, TokenStatus.ACTIVE, now);
        token.newCode(null, null, null, 0, policies.current().codeDigits());
        em.persist(token);
        record(now, "token.enrol", "DONE", null, userId, userId, token.id(), null, "type " + type);
        return token.view();
    }

    @Override
    public VerificationOutcome activate(String tokenId, String code, AttemptSource source) {
        Token token = locked(tokenId);
        if (token.status() != TokenStatus.PENDING) {
            throw new TokenException("token " + tokenId + " is " + token.status() + ", not waiting for activation");
        }
        Instant now = Instant.now();
        TokenPolicy policy = policies.current();
        Passcode passcode;
        try {
            passcode = Passcode.parse(code);
        } catch (InvalidOtpParameterException e) {
            return rejected(token, RejectReason.MALFORMED, policy, now, source, "token.activate");
        }
        Verification verdict = type(token.type()).verify(unlocked.state(token, policy, null), passcode, now);
        if (verdict instanceof Verification.Accepted accepted) {
            token.status(TokenStatus.ACTIVE);
            token.accepted(accepted.lastAccepted(), accepted.usesLeft(), now);
            record(now, "token.activate", "ACCEPTED", null, token.userId(), token.userId(), token.id(), source, null);
            return new VerificationOutcome.Accepted(token.id(), token.type());
        }
        return rejected(token, ((Verification.Rejected) verdict).reason(), policy, now, source, "token.activate");
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public VerificationOutcome verify(String userId, String code, AttemptSource source) {
        return verify(userId, code, null, source);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public VerificationOutcome verify(String userId, String code, String binding, AttemptSource source) {
        requireUser(userId);
        return verify(userId, () -> verifying(userId), code, binding, source);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public UserTokens read(String userId) {
        requireUser(userId);
        if (transactions.getTransactionKey() == null) {
            return unlocked.read(userId);
        }
        // in the caller's transaction JPA's query, which sees what the caller changed and has not yet flushed
        return new ReadTokens(userId, em.createQuery("SELECT t FROM Token t WHERE t.userId = :user ORDER BY t.createdAt DESC", Token.class)
                .setParameter("user", userId).getResultList());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public VerificationOutcome verify(UserTokens read, String code, String binding, AttemptSource source) {
        if (!(read instanceof ReadTokens tokens)) {
            throw new TokenException("tokens to verify against must come from TokenService.read");
        }
        return verify(read.userId(), () -> tokens.rows().stream().filter(t -> VERIFYING.contains(t.status())).toList(), code, binding, source);
    }

    /**
     * Outside a transaction, the unlocked path first (with the usable tokens as read); the locked path when it does not
     * settle the attempt. In the caller's transaction only the locked path: the caller may change the token rows too.
     */
    private VerificationOutcome verify(String userId, Supplier<List<Token>> usable, String code, String binding, AttemptSource source) {
        VerificationOutcome settled = transactions.getTransactionKey() == null ? unlocked.accept(usable.get(), code, binding, source, null) : null;
        return settled != null ? settled : context.getBusinessObject(TokenBean.class).verifyLocked(userId, code, binding, source);
    }

    private List<Token> verifying(String userId) {
        return em.createQuery("SELECT t FROM Token t WHERE t.userId = :user AND t.status IN :statuses", Token.class)
                .setParameter("user", userId).setParameter("statuses", VERIFYING).getResultList();
    }

    /** The verification under a lock on the user's token rows, in a transaction of its own (or the caller's). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public VerificationOutcome verifyLocked(String userId, String code, String binding, AttemptSource source) {
        Instant now = Instant.now();
        TokenPolicy policy = policies.current();
        List<Token> tokens = em.createQuery("SELECT t FROM Token t WHERE t.userId = :user AND t.status IN :statuses ORDER BY t.createdAt, t.id",
                        Token.class)
                .setParameter("user", userId).setParameter("statuses", VERIFYING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (tokens.isEmpty()) {
            record(now, "token.verify", "REJECTED", RejectReason.NO_TOKEN, userId, userId, null, source, null);
            return new VerificationOutcome.Rejected(RejectReason.NO_TOKEN, null);
        }
        List<Token> usable = new ArrayList<>();
        for (Token token : tokens) {
            if (token.timedUnlockDue(policy, now)) {
                token.status(TokenStatus.ACTIVE);
                record(now, "token.unlock", "DONE", null, "system", userId, token.id(), source, "timed unlock");
            }
            if (token.status() == TokenStatus.ACTIVE) {
                usable.add(token);
            }
        }
        if (usable.isEmpty()) {
            record(now, "token.verify", "REJECTED", RejectReason.LOCKED, userId, userId, tokens.get(0).id(), source, null);
            return new VerificationOutcome.Rejected(RejectReason.LOCKED, tokens.get(0).id());
        }
        Passcode passcode;
        try {
            passcode = Passcode.parse(code);
        } catch (InvalidOtpParameterException e) {
            return rejectedAll(usable, RejectReason.MALFORMED, policy, now, source);
        }
        RejectReason reason = RejectReason.WRONG_CODE;
        for (Token token : usable) {
            Verification verdict = type(token.type()).verify(unlocked.state(token, policy, binding), passcode, now);
            if (verdict instanceof Verification.Accepted accepted) {
                token.accepted(accepted.lastAccepted(), accepted.usesLeft(), now);
                if (!source.callerAudits()) {
                    record(now, "token.verify", "ACCEPTED", null, userId, userId, token.id(), source, "type " + token.type());
                }
                return new VerificationOutcome.Accepted(token.id(), token.type());
            }
            RejectReason why = ((Verification.Rejected) verdict).reason();
            if (why != RejectReason.WRONG_CODE) {
                reason = why;
            }
        }
        return rejectedAll(usable, reason, policy, now, source);
    }

    @Override
    public TokenView issueCode(String tokenId, String binding) {
        Token token = locked(tokenId);
        TokenType tokenType = type(token.type());
        if (!tokenType.capabilities().serverMadeCodes() || token.type().equals(TEMPORARY)) {
            throw new TokenException("token " + tokenId + " of type " + token.type() + " does not take server-made codes");
        }
        if (token.status() != TokenStatus.ACTIVE) {
            throw new TokenException("token " + tokenId + " is " + token.status());
        }
        TokenPolicy policy = policies.current();
        Instant now = Instant.now();
        String code = randomDigits(policy.codeDigits());
        boolean onDemand = tokenType.capabilities().outOfBand();
        token.newCode(sealing.hashOf(Token.codeContext(token.id()), code), onDemand ? binding : null,
                onDemand ? now.plus(policy.codeLifetime()) : null, 1, code.length());
        PasscodeSender sender = senders.stream().filter(s -> s.channel().equals(token.type())).findFirst()
                .orElseThrow(() -> new TokenException("no passcode sender for " + token.type() + " is configured"));
        sender.send(token.userId(), code);
        record(now, "token.code.issue", "DONE", null, "system", token.userId(), token.id(), null, "type " + token.type());
        return token.view();
    }

    @Override
    public String issueTemporaryCode(String userId, int validDays, int maxUses, String actor) {
        requireUser(userId);
        if (validDays < 1 || validDays > 30) {
            throw new TokenException("a temporary code is valid for 1 to 30 days, got " + validDays);
        }
        if (maxUses < 1 || maxUses > 1000) {
            throw new TokenException("a temporary code allows 1 to 1000 uses, got " + maxUses);
        }
        type(TEMPORARY);
        Instant now = Instant.now();
        List<Token> existing = em.createQuery("SELECT t FROM Token t WHERE t.userId = :user AND t.type = :type", Token.class)
                .setParameter("user", userId).setParameter("type", TEMPORARY).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Token token;
        if (existing.isEmpty()) {
            token = new Token(userId, TEMPORARY, TokenStatus.ACTIVE, now);
            em.persist(token);
        } else {
            token = existing.get(0);
            token.unlocked();
        }
        String code = randomDigits(8);
        token.newCode(sealing.hashOf(Token.codeContext(token.id()), code), null, now.plus(java.time.Duration.ofDays(validDays)), maxUses, code.length());
        record(now, "token.temporary.issue", "DONE", null, actor, userId, token.id(), null,
                validDays + " days, " + maxUses + " uses");
        return code;
    }

    @Override
    public VerificationOutcome resync(String tokenId, String firstCode, String secondCode, String actor) {
        Token token = locked(tokenId);
        if (!token.type().equals("hotp")) {
            throw new TokenException("only HOTP tokens are resynchronised; token " + tokenId + " is " + token.type());
        }
        Instant now = Instant.now();
        TokenPolicy policy = policies.current();
        Passcode first;
        Passcode second;
        try {
            first = Passcode.parse(firstCode);
            second = Passcode.parse(secondCode);
        } catch (InvalidOtpParameterException e) {
            return rejected(token, RejectReason.MALFORMED, policy, now, null, "token.resync");
        }
        byte[] seed = unlocked.unsealedSeed(token);
        Match match = OtpMatcher.hotpResync(seed, UnlockedTokens.parameters(token), first, second, token.lastAccepted(), policy.resyncWindow());
        if (match instanceof Match.Found found) {
            token.unlocked();
            token.accepted(found.step(), 0, now);
            record(now, "token.resync", "ACCEPTED", null, actor, token.userId(), token.id(), null, null);
            return new VerificationOutcome.Accepted(token.id(), token.type());
        }
        return rejected(token, RejectReason.WRONG_CODE, policy, now, null, "token.resync");
    }

    @Override
    public TokenView unlock(String tokenId, String actor) {
        Token token = locked(tokenId);
        if (token.status() != TokenStatus.LOCKED && token.status() != TokenStatus.ACTIVE) {
            throw new TokenException("token " + tokenId + " is " + token.status() + " and cannot be unlocked");
        }
        token.unlocked();
        record(Instant.now(), "token.unlock", "DONE", null, actor, token.userId(), token.id(), null, null);
        return token.view();
    }

    @Override
    public TokenView disable(String tokenId, String actor) {
        return changeStatus(tokenId, TokenStatus.DISABLED, actor, "token.disable");
    }

    @Override
    public TokenView markLost(String tokenId, String actor) {
        return changeStatus(tokenId, TokenStatus.LOST, actor, "token.lost");
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TokenView> tokensOf(String userId) {
        return read(userId).views();
    }

    private TokenView changeStatus(String tokenId, TokenStatus status, String actor, String category) {
        Token token = locked(tokenId);
        if (token.status() == TokenStatus.LOST) {
            throw new TokenException("token " + tokenId + " was reported lost and cannot change");
        }
        token.status(status);
        record(Instant.now(), category, "DONE", null, actor, token.userId(), token.id(), null, null);
        return token.view();
    }

    private VerificationOutcome rejectedAll(List<Token> tokens, RejectReason reason, TokenPolicy policy, Instant now, AttemptSource source) {
        for (Token token : tokens) {
            token.failed(policy.lockoutThreshold(), now);
        }
        Token first = tokens.get(0);
        String detail = tokens.stream().anyMatch(t -> t.status() == TokenStatus.LOCKED) ? "token locked after this failure" : null;
        record(now, "token.verify", "REJECTED", reason, first.userId(), first.userId(), first.id(), source, detail);
        return new VerificationOutcome.Rejected(reason, first.id());
    }

    private VerificationOutcome rejected(Token token, RejectReason reason, TokenPolicy policy, Instant now, AttemptSource source, String category) {
        token.failed(policy.lockoutThreshold(), now);
        record(now, category, "REJECTED", reason, token.userId(), token.userId(), token.id(), source, null);
        return new VerificationOutcome.Rejected(reason, token.id());
    }

    private Token locked(String tokenId) {
        Token token = tokenId == null ? null : em.find(Token.class, tokenId, LockModeType.PESSIMISTIC_WRITE);
        if (token == null) {
            throw new TokenException("no token with id " + tokenId);
        }
        return token;
    }

    private TokenType type(String id) {
        return unlocked.type(id);
    }

    static void requireUser(String userId) {
        if (userId == null || userId.isBlank() || userId.length() > 256) {
            throw new TokenException("a user id of 1 to 256 characters is required");
        }
    }

    private static String randomDigits(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return code.toString();
    }

    private void record(Instant at, String category, String outcome, RejectReason reason, String actor, String userId,
                        String tokenId, AttemptSource source, String detail) {
        audit.record(UnlockedTokens.auditRecord(at, category, outcome, reason, actor, userId, tokenId, source, detail));
    }
}
