package org.countersign.radius;

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
import org.countersign.api.dashboard.AccountingEntry;
import org.countersign.api.radius.VerifiedAccountingRequest;
import org.countersign.jpa.InstantColumn;

/** One Accounting-Request as received (RFC 2866), kept for the dashboard. Immutable once written. */
@Entity
@Table(name = "CS_RADIUS_ACCOUNTING", indexes = {
    @Index(name = "CS_ACCT_AT", columnList = "AT"),
    @Index(name = "CS_ACCT_SESSION", columnList = "SESSION_ID")
})
public class AccountingRecord {

    @Id
    @TableGenerator(name = "accounting-ids", table = "CS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_VALUE",
            pkColumnValue = "RADIUS_ACCOUNTING", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "accounting-ids")
    @Column(name = "ID")
    private long id;

    @Convert(converter = InstantColumn.class)
    @Column(name = "AT", nullable = false)
    private Instant at;

    @Column(name = "CLIENT", length = 64, nullable = false)
    private String client;

    @Column(name = "STATUS_TYPE", length = 32)
    private String statusType;

    @Column(name = "USER_NAME", length = 256)
    private String userName;

    @Column(name = "SESSION_ID", length = 128)
    private String sessionId;

    @Column(name = "NAS", length = 128)
    private String nas;

    @Column(name = "FRAMED_IP", length = 64)
    private String framedIp;

    @Column(name = "SESSION_TIME")
    private Long sessionTime;

    @Column(name = "TERMINATE_CAUSE", length = 64)
    private String terminateCause;

    protected AccountingRecord() {
    }

    AccountingRecord(VerifiedAccountingRequest r, Instant now) {
        this.at = now;
        this.client = cut(r.clientName(), 64);
        this.statusType = cut(r.first("Acct-Status-Type").orElse(null), 32);
        this.userName = cut(r.first("User-Name").orElse(null), 256);
        this.sessionId = cut(r.first("Acct-Session-Id").orElse(null), 128);
        this.nas = cut(r.first("NAS-Identifier").or(() -> r.first("NAS-IP-Address")).orElse(null), 128);
        this.framedIp = cut(r.first("Framed-IP-Address").orElse(null), 64);
        this.sessionTime = r.first("Acct-Session-Time").map(AccountingRecord::number).orElse(null);
        this.terminateCause = cut(r.first("Acct-Terminate-Cause").orElse(null), 64);
    }

    private static Long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** @return the record as the dashboard shows it */
    public AccountingEntry entry() {
        return new AccountingEntry(at, client, statusType, userName, sessionId, nas, framedIp, sessionTime, terminateCause);
    }

    public String statusType() {
        return statusType;
    }

    public String userName() {
        return userName;
    }

    public String sessionId() {
        return sessionId;
    }
}
