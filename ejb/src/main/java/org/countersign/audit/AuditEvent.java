package org.countersign.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.directory.UserId;
import org.countersign.jpa.InstantColumn;

/** One row of the audit trail. Immutable once written; written by {@link AuditRows}, read through JPA. */
@Entity
@Table(name = "CS_AUDIT_EVENT", indexes = {
    // in time order, with what the dashboard counts: H2 reads its counts over a time range from this index alone,
    // without fetching each record (2,000,000 records, a 4 MB cache: a day's count 1.0 s, against 4.5 s through the
    // former CS_AUDIT_AT (AT) and the rows); an insert appends at its right end, as it did to CS_AUDIT_AT
    @Index(name = "CS_AUDIT_TIME", columnList = "AT, CATEGORY, OUTCOME, REASON"),
    // a user's records and a login's: the search by a bare login reads this index and CS_AUDIT_OTHER_ACTOR, and the
    // search by a user id this one, taking the login from the id (it replaced CS_AUDIT_USER (USER_ID, AT))
    @Index(name = "CS_AUDIT_LOGIN", columnList = "LOGIN, AT"),
    // empty for the records a user's own attempt writes, so their inserts all go to one place of it, as appends do
    @Index(name = "CS_AUDIT_OTHER_ACTOR", columnList = "OTHER_ACTOR, AT"),
    @Index(name = "CS_AUDIT_CLIENT", columnList = "CLIENT, AT"),
    @Index(name = "CS_AUDIT_OUTCOME", columnList = "OUTCOME, AT")
})
public class AuditEvent {

    @Id
    @TableGenerator(name = "audit-ids", table = "CS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_VALUE",
            pkColumnValue = "AUDIT_EVENT", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "audit-ids")
    @Column(name = "ID")
    private long id;

    @Convert(converter = InstantColumn.class)
    @Column(name = "AT", nullable = false)
    private Instant at;

    @Column(name = "CATEGORY", length = 64, nullable = false)
    private String category;

    @Column(name = "OUTCOME", length = 16, nullable = false)
    private String outcome;

    @Column(name = "REASON", length = 32)
    private String reason;

    @Column(name = "ACTOR", length = 256)
    private String actor;

    @Column(name = "USER_ID", length = 256)
    private String userId;

    @Column(name = "TOKEN_ID", length = 36)
    private String tokenId;

    @Column(name = "CHANNEL", length = 32)
    private String channel;

    @Column(name = "CLIENT", length = 128)
    private String client;

    @Column(name = "ADDRESS", length = 64)
    private String address;

    @Column(name = "DETAIL", length = 512)
    private String detail;

    /**
     * The login the record is about: the login part of {@link #userId}, else the actor, else empty; null only in a
     * record written before the column existed and not yet filled ({@link AuditLogins}).
     */
    @Column(name = "LOGIN", length = 256)
    private String login;

    /** The actor where it is not {@link #login}: an administrator, {@code system}, a login given otherwise; else null. */
    @Column(name = "OTHER_ACTOR", length = 256)
    private String otherActor;

    protected AuditEvent() {
    }

    AuditEvent(AuditRecord r) {
        this.at = r.at();
        this.category = cut(r.category(), 64);
        this.outcome = cut(r.outcome(), 16);
        this.reason = cut(r.reason(), 32);
        this.actor = cut(r.actor(), 256);
        this.userId = cut(r.userId(), 256);
        this.tokenId = cut(r.tokenId(), 36);
        this.channel = cut(r.channel(), 32);
        this.client = cut(r.client(), 128);
        this.address = cut(r.address(), 64);
        this.detail = cut(r.detail(), 512);
        this.login = userId != null ? UserId.loginOf(userId) : actor != null ? actor : "";
        this.otherActor = actor == null || actor.equals(login) ? null : actor;
    }

    /** {@link UserId#loginOf} in SQL, over the column USER_ID. */
    static final String LOGIN_OF_USER_ID = "SUBSTRING(USER_ID FROM POSITION(':' IN USER_ID) + 1)";

    long id() {
        return id;
    }

    Instant at() {
        return at;
    }

    String login() {
        return login;
    }

    String otherActor() {
        return otherActor;
    }

    AuditRecord toRecord() {
        return new AuditRecord(at, category, outcome, reason, actor, userId, tokenId, channel, client, address, detail);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
