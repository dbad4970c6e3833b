package org.countersign.token;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.token.RejectReason;
import org.countersign.api.token.TokenException;
import org.countersign.api.token.TokenStatus;
import org.countersign.api.token.UserTokens;
import org.countersign.api.token.VerificationOutcome;
import org.countersign.audit.AuditWriter;
import org.countersign.jpa.InstantColumn;
import org.countersign.otp.InvalidOtpParameterException;
import org.countersign.otp.OtpParameters;
import org.countersign.otp.Passcode;
import org.countersign.seal.Sealer;
import org.countersign.seal.SealingBean;
import org.countersign.support.LocalTransaction;
import org.countersign.token.type.TokenPolicy;
import org.countersign.token.type.TokenState;
import org.countersign.token.type.TokenType;
import org.countersign.token.type.TokenTypeRegistry;
import org.countersign.token.type.Verification;

/**
 * A user's tokens as committed, and the common verification without a row lock: one usable token, the code right,
 * written by one conditional update (see {@link TokenBean}). Neither takes part in a transaction, so neither needs a
 * bean call: {@link TokenBean} answers with them outside a transaction, and the authentication decision calls them
 * directly, which spares a RADIUS request two of the container's invocations. Whatever they do not settle goes to
 * {@link TokenBean}'s locked path. Thread-safe.
 */
@ApplicationScoped
public class UnlockedTokens {

    private static final Logger LOG = Logger.getLogger(UnlockedTokens.class.getName());

    static final Set<TokenStatus> VERIFYING = EnumSet.of(TokenStatus.ACTIVE, TokenStatus.LOCKED);
    private static final String TOKENS_OF_USER = "SELECT " + Token.ROW_COLUMNS + " FROM " + Token.DESCRIPTION
            + " d JOIN CS_TOKEN_STATE s ON s.ID = d.ID WHERE d.USER_ID = ? ORDER BY d.CREATED_AT DESC";

    @Inject
    private TokenTypeRegistry types;

    @Inject
    private TokenPolicyReader policies;

    @Inject
    private RecentTokens recent;

    @EJB
    private SealingBean sealing;

    @EJB
    private AuditService audit;

    /** The audit trail's writer itself, for a record written in the same transaction as a token's state. */
    @Inject
    private AuditWriter auditWriter;

    @Resource(lookup = "java:jboss/datasources/CountersignDS")
    private DataSource dataSource;

    /** The sealer, asked of {@link #sealing} once: opening a seed is on every verification's path. */
    private volatile Sealer sealer;

    /**
     * A user's tokens as committed, newest first, for {@link #accept(UserTokens, String, String, AttemptSource)} or
     * {@link org.countersign.api.token.TokenService#verify(UserTokens, String, String, AttemptSource)}.
     *
     * @throws TokenException for a user id that is empty or longer than 256 characters
     */
    public UserTokens read(String userId) {
        TokenBean.requireUser(userId);
        return new ReadTokens(userId, committedTokensOf(dataSource, userId));
    }

    /**
     * A user's tokens as this server last read or wrote them in the past few minutes, else as committed: for the
     * unlocked acceptance only, whose write checks the version (see {@link RecentTokens}). Never "no token" from memory.
     *
     * @throws TokenException for a user id that is empty or longer than 256 characters
     */
    public UserTokens readRecent(String userId) {
        TokenBean.requireUser(userId);
        long now = System.nanoTime();
        List<Token> rows = recent.get(userId, now);
        if (rows == null) {
            rows = committedTokensOf(dataSource, userId);
            recent.put(userId, rows, now);
        }
        return new ReadTokens(userId, rows);
    }

    /**
     * Accepts the code if the tokens as read settle it without a lock: exactly one usable token, active, the code right
     * for it, and the token unchanged since it was read. Writes the token's new state; an audit record only when the
     * source does not write its own.
     *
     * @return the acceptance, or {@code null} when this does not settle the attempt: the caller then asks
     *         {@link TokenBean#verifyLocked(String, String, String, AttemptSource)}, which decides under a lock and
     *         counts a failure
     */
    public VerificationOutcome.Accepted accept(UserTokens read, String code, String binding, AttemptSource source) {
        return accept(read, code, binding, source, null);
    }

    /**
     * As {@link #accept(UserTokens, String, String, AttemptSource)}, for a source that writes its own audit record
     * ({@link AttemptSource#callerAudits()}): the record of the acceptance, made by {@code record} from it, is written
     * in the same transaction as the token's new state. So the two are committed together or not at all, with one
     * connection and one commit; when this returns {@code null}, neither is written.
     *
     * @throws IllegalStateException when the record could not be written: nor is the token's state, the code not spent
     */
    public VerificationOutcome.Accepted accept(UserTokens read, String code, String binding, AttemptSource source,
                                               Function<VerificationOutcome.Accepted, AuditRecord> record) {
        if (!(read instanceof ReadTokens tokens)) {
            throw new TokenException("tokens to verify against must come from a read of the token service");
        }
        if (record != null && !source.callerAudits()) {
            throw new TokenException("an audit record to write with the token is the caller's own: the source must say it audits");
        }
        return accept(tokens.rows().stream().filter(t -> VERIFYING.contains(t.status())).toList(), code, binding, source, record);
    }

    /**
     * A user's tokens, newest first, by one JDBC query: outside a transaction JPA made a fresh persistence context per
     * query and registered every row in it, about half of what a RADIUS request's token read cost.
     */
    static List<Token> committedTokensOf(DataSource dataSource, String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(TOKENS_OF_USER)) {
            query.setString(1, userId);
            List<Token> rows = new ArrayList<>(2);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(Token.fromRow(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new PersistenceException("the tokens of a user could not be read", e);
        }
    }

    /**
     * The common case without a row lock, for a caller outside any transaction: one usable token (as read, unmanaged), the
     * code right. The new state is written only if nobody changed the token since it was read; otherwise, and for anything
     * else, {@code null}: the locked path decides.
     */
    VerificationOutcome.Accepted accept(List<Token> tokens, String code, String binding, AttemptSource source,
                                        Function<VerificationOutcome.Accepted, AuditRecord> record) {
        Token token = tokens.size() == 1 && tokens.get(0).status() == TokenStatus.ACTIVE ? tokens.get(0) : null;
        Instant now = Instant.now();
        Verification.Accepted accepted = token == null ? null : verdict(token, code, binding, now);
        VerificationOutcome.Accepted outcome = accepted == null ? null : new VerificationOutcome.Accepted(token.id(), token.type());
        if (accepted != null) {
            long readVersion = token.version();
            token.accepted(accepted.lastAccepted(), accepted.usesLeft(), now);
            boolean written;
            try {
                written = writtenIfUnchanged(token, readVersion, record == null ? null : record.apply(outcome));
            } catch (RuntimeException e) {
                recent.forget(token.userId());
                throw e;
            }
            if (!written) {
                accepted = null;
            }
        }
        if (accepted == null) {
            // the locked path decides from fresh rows; a copy kept of them may be what failed here
            tokens.forEach(t -> recent.forget(t.userId()));
            return null;
        }
        token.writtenByHand();
        recent.written(token);
        String userId = token.userId();
        if (!source.callerAudits()) {
            audit.record(auditRecord(now, "token.verify", "ACCEPTED", null, userId, userId, token.id(), source, "type " + token.type()));
        }
        return outcome;
    }

    /** @return the token type's acceptance of the code, or {@code null} for a code malformed or refused */
    private Verification.Accepted verdict(Token token, String code, String binding, Instant now) {
        Passcode passcode;
        try {
            passcode = Passcode.parse(code);
        } catch (InvalidOtpParameterException e) {
            return null;
        }
        Verification verdict = type(token.type()).verify(state(token, policies.current(), binding), passcode, now);
        return verdict instanceof Verification.Accepted accepted ? accepted : null;
    }

    /**
     * The state an acceptance changes, in one statement, if the row still has the version read (JPA's version moves on);
     * with the audit record, if any, in the same transaction.
     *
     * @return false when the row was changed meanwhile or could not be written: the locked path decides
     * @throws IllegalStateException when the audit record could not be written: then neither is, and the attempt fails
     *         closed, the code not spent
     */
    private boolean writtenIfUnchanged(Token token, long readVersion, AuditRecord record) {
        try (Connection connection = dataSource.getConnection()) {
            if (record == null) {
                return updatedIfUnchanged(connection, token, readVersion);
            }
            AuditWriter.Joined written = LocalTransaction.run(connection, c -> {
                AuditWriter.Joined joined = auditWriter.joining(c); // before the update: reserving ids commits on c
                if (!updatedIfUnchanged(c, token, readVersion)) {
                    return null;
                }
                joined.insert(record);
                return joined;
            });
            if (written == null) {
                return false;
            }
            written.committed();
            return true;
        } catch (SQLException e) {
            LOG.log(Level.FINE, "token " + token.id() + " not written without a lock; the locked path decides", e);
            return false;
        }
    }

    private static boolean updatedIfUnchanged(Connection connection, Token token, long readVersion) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE CS_TOKEN_STATE SET LAST_ACCEPTED = ?, USES_LEFT = ?, CODE_HASH = ?, "
                + "CODE_BINDING = ?, CODE_EXPIRES_AT = ?, FAIL_COUNT = ?, LAST_USED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?")) {
            update.setLong(1, token.lastAccepted());
            update.setInt(2, token.usesLeft());
            update.setObject(3, token.codeHash(), Types.VARCHAR);
            update.setObject(4, token.codeBinding(), Types.VARCHAR);
            update.setTimestamp(5, InstantColumn.of(token.codeExpiresAt()));
            update.setInt(6, token.failCount());
            update.setTimestamp(7, InstantColumn.of(token.lastUsedAt()));
            update.setString(8, token.id());
            update.setLong(9, readVersion);
            return update.executeUpdate() == 1;
        }
    }

    TokenState state(Token token, TokenPolicy policy, String binding) {
        byte[] seed = token.sealedSeed() == null ? null : unsealedSeed(token);
        OtpParameters otp = token.sealedSeed() == null ? null : parameters(token);
        String context = Token.codeContext(token.id());
        return new TokenState(seed, otp, token.lastAccepted(), token.codeHash(), token.codeBinding(), token.codeExpiresAt(),
                token.usesLeft(), binding, policy, (stored, offered) -> sealing.codeMatches(context, offered, stored));
    }

    byte[] unsealedSeed(Token token) {
        Sealer opener = sealer;
        if (opener == null) {
            opener = sealing.sealer();
            sealer = opener;
        }
        return opener.unseal(token.sealedSeed(), Token.seedBinding(token.id()));
    }

    static OtpParameters parameters(Token token) {
        return OtpParameters.of(token.algorithm(), token.digits(), token.periodSeconds() == 0 ? 30 : token.periodSeconds());
    }

    TokenType type(String id) {
        return types.find(id).orElseThrow(() -> new TokenException("unknown token type '" + id + "'"));
    }

    static AuditRecord auditRecord(Instant at, String category, String outcome, RejectReason reason, String actor, String userId,
                                   String tokenId, AttemptSource source, String detail) {
        return new AuditRecord(at, category, outcome, reason == null ? null : reason.name(), actor, userId, tokenId,
                source == null ? null : source.channel(), source == null ? null : source.client(),
                source == null ? null : source.address(), detail);
    }
}
