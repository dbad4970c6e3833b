package org.countersign.token;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.countersign.api.token.TokenStatus;
import org.countersign.api.token.TokenView;
import org.countersign.jpa.InstantColumn;

/**
 * One token of one user. Non-secret parameters (type, algorithm, digits, period) are columns of
 * their own; the seed is sealed and bound to this row's id; server-made codes are stored only as
 * keyed hashes. {@code lastAccepted} is the last accepted time step (TOTP) or counter (HOTP), -1 before the first.
 *
 * <p>Two tables, one row each, joined by the token id. {@code CS_TOKEN_STATE} holds what every verification may change
 * (last accepted step or counter, fail count, server-made code, last use) and the version, so an accepted code
 * rewrites one narrow row with one index (its key) and none of the description's three; {@code CS_TOKEN} holds what the
 * token is, and the indexes by user and status.
 */
@Entity
@EntityListeners(TokenWrites.class)
@Table(name = "CS_TOKEN_STATE")
@SecondaryTable(name = Token.DESCRIPTION, pkJoinColumns = @PrimaryKeyJoinColumn(name = "ID", referencedColumnName = "ID"),
        indexes = {@Index(name = "CS_TOKEN_USER", columnList = "USER_ID"), @Index(name = "CS_TOKEN_STATUS", columnList = "STATUS, USER_ID")})
public class Token {

    /** The table of what a token is (user, type, status, sealed seed, parameters); rarely written. */
    static final String DESCRIPTION = "CS_TOKEN";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(table = DESCRIPTION, name = "USER_ID", length = 256, nullable = false)
    private String userId;

    @Column(table = DESCRIPTION, name = "TYPE", length = 32, nullable = false)
    private String type;

    @Enumerated(EnumType.STRING)
    @Column(table = DESCRIPTION, name = "STATUS", length = 16, nullable = false)
    private TokenStatus status;

    @Column(table = DESCRIPTION, name = "SEALED_SEED", length = 512)
    private String sealedSeed;

    @Column(table = DESCRIPTION, name = "ALGORITHM", length = 8)
    private String algorithm;

    @Column(table = DESCRIPTION, name = "DIGITS", nullable = false)
    private int digits;

    @Column(table = DESCRIPTION, name = "CODE_LENGTH", nullable = false)
    private int codeLength;

    @Column(table = DESCRIPTION, name = "PERIOD_SECONDS", nullable = false)
    private int periodSeconds;

    @Column(name = "LAST_ACCEPTED", nullable = false)
    private long lastAccepted = -1;

    @Column(name = "CODE_HASH", length = 128)
    private String codeHash;

    @Column(name = "CODE_BINDING", length = 256)
    private String codeBinding;

    @Convert(converter = InstantColumn.class)
    @Column(name = "CODE_EXPIRES_AT")
    private Instant codeExpiresAt;

    @Column(name = "USES_LEFT", nullable = false)
    private int usesLeft;

    @Column(name = "FAIL_COUNT", nullable = false)
    private int failCount;

    @Convert(converter = InstantColumn.class)
    @Column(table = DESCRIPTION, name = "LOCKED_AT")
    private Instant lockedAt;

    @Convert(converter = InstantColumn.class)
    @Column(table = DESCRIPTION, name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantColumn.class)
    @Column(name = "LAST_USED_AT")
    private Instant lastUsedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    /**
     * The columns {@link #fromRow} reads, in its order, for a statement written by hand that joins {@code CS_TOKEN d} and
     * {@code CS_TOKEN_STATE s}. Every persistent field is here (TokenRowTest compares them with what JPA reads).
     */
    static final String ROW_COLUMNS = "s.ID, s.LAST_ACCEPTED, s.CODE_HASH, s.CODE_BINDING, s.CODE_EXPIRES_AT, s.USES_LEFT, s.FAIL_COUNT, "
            + "s.LAST_USED_AT, s.VERSION, d.USER_ID, d.TYPE, d.STATUS, d.SEALED_SEED, d.ALGORITHM, d.DIGITS, d.CODE_LENGTH, "
            + "d.PERIOD_SECONDS, d.LOCKED_AT, d.CREATED_AT";

    protected Token() {
    }

    /** A token as the current row of a result whose columns are {@link #ROW_COLUMNS}; unmanaged, as JPA's would be once detached. */
    static Token fromRow(ResultSet row) throws SQLException {
        Token token = new Token();
        token.id = row.getString(1);
        token.lastAccepted = row.getLong(2);
        token.codeHash = row.getString(3);
        token.codeBinding = row.getString(4);
        token.codeExpiresAt = InstantColumn.instantOf(row.getTimestamp(5));
        token.usesLeft = row.getInt(6);
        token.failCount = row.getInt(7);
        token.lastUsedAt = InstantColumn.instantOf(row.getTimestamp(8));
        token.version = row.getLong(9);
        token.userId = row.getString(10);
        token.type = row.getString(11);
        token.status = TokenStatus.valueOf(row.getString(12));
        token.sealedSeed = row.getString(13);
        token.algorithm = row.getString(14);
        token.digits = row.getInt(15);
        token.codeLength = row.getInt(16);
        token.periodSeconds = row.getInt(17);
        token.lockedAt = InstantColumn.instantOf(row.getTimestamp(18));
        token.createdAt = InstantColumn.instantOf(row.getTimestamp(19));
        return token;
    }

    /** A copy, unmanaged, of every persistent field (TokenRowTest compares them). */
    Token copy() {
        Token copy = new Token();
        copy.id = id;
        copy.userId = userId;
        copy.type = type;
        copy.status = status;
        copy.sealedSeed = sealedSeed;
        copy.algorithm = algorithm;
        copy.digits = digits;
        copy.codeLength = codeLength;
        copy.periodSeconds = periodSeconds;
        copy.lastAccepted = lastAccepted;
        copy.codeHash = codeHash;
        copy.codeBinding = codeBinding;
        copy.codeExpiresAt = codeExpiresAt;
        copy.usesLeft = usesLeft;
        copy.failCount = failCount;
        copy.lockedAt = lockedAt;
        copy.createdAt = createdAt;
        copy.lastUsedAt = lastUsedAt;
        copy.version = version;
        return copy;
    }

    Token(String userId, String type, TokenStatus status, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.type = type;
        this.status = status;
        this.createdAt = now;
    }

    /** The associated data a token's sealed seed is bound to: a seed copied to another row fails to unseal. */
    static byte[] seedBinding(String tokenId) {
        return ("Token/" + tokenId + "/seed").getBytes(StandardCharsets.UTF_8);
    }

    /** The context a token's code hashes are bound to. */
    static String codeContext(String tokenId) {
        return "Token/" + tokenId + "/code";
    }

    TokenView view() {
        return new TokenView(id, userId, type, status, codeLength, failCount, createdAt, lastUsedAt);
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String type() {
        return type;
    }

    TokenStatus status() {
        return status;
    }

    void status(TokenStatus newStatus) {
        this.status = newStatus;
    }

    String sealedSeed() {
        return sealedSeed;
    }

    void otpParameters(String sealed, String algorithmName, int digitCount, int period) {
        this.sealedSeed = sealed;
        this.algorithm = algorithmName;
        this.digits = digitCount;
        this.codeLength = digitCount;
        this.periodSeconds = period;
    }

    String algorithm() {
        return algorithm;
    }

    int digits() {
        return digits;
    }

    int periodSeconds() {
        return periodSeconds;
    }

    long lastAccepted() {
        return lastAccepted;
    }

    String codeHash() {
        return codeHash;
    }

    String codeBinding() {
        return codeBinding;
    }

    Instant codeExpiresAt() {
        return codeExpiresAt;
    }

    int usesLeft() {
        return usesLeft;
    }

    void newCode(String hash, String binding, Instant expiresAt, int uses, int length) {
        this.codeLength = length;
        this.codeHash = hash;
        this.codeBinding = binding;
        this.codeExpiresAt = expiresAt;
        this.usesLeft = uses;
    }

    int failCount() {
        return failCount;
    }

    Instant lockedAt() {
        return lockedAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    long version() {
        return version;
    }

    /** The version after a write by hand that moved it on by one, as the row now has it; for an unmanaged token only. */
    void writtenByHand() {
        this.version++;
    }

    /** A success: the step or counter moves forward, single-use codes are spent, failures are forgotten. */
    void accepted(long newLastAccepted, int newUsesLeft, Instant now) {
        this.lastAccepted = newLastAccepted;
        this.usesLeft = newUsesLeft;
        if (newUsesLeft <= 0 && codeHash != null) {
            this.codeHash = null;
            this.codeBinding = null;
            this.codeExpiresAt = null;
        }
        this.failCount = 0;
        this.lastUsedAt = now;
    }

    /** A failure: counted; at the limit the token locks. */
    void failed(int lockoutThreshold, Instant now) {
        this.failCount++;
        if (failCount >= lockoutThreshold && status == TokenStatus.ACTIVE) {
            this.status = TokenStatus.LOCKED;
            this.lockedAt = now;
        }
    }

    /**
     * Whether a lock has lasted the policy's timed-unlock period and may lift by itself. The fail count is
     * kept, so the next failure locks again at once: each period allows one more guess, and past the hard
     * limit only an administrator unlocks. Total guesses stay bounded.
     */
    boolean timedUnlockDue(org.countersign.token.type.TokenPolicy policy, Instant now) {
        return status == TokenStatus.LOCKED && !policy.timedUnlock().isZero() && lockedAt != null
                && failCount < policy.hardLimit() && !now.isBefore(lockedAt.plus(policy.timedUnlock()));
    }

    void unlocked() {
        this.status = TokenStatus.ACTIVE;
        this.failCount = 0;
        this.lockedAt = null;
    }
}
