package org.countersign.enrolment;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.countersign.jpa.InstantColumn;

/**
 * One enrolment code of one user, stored only as a keyed hash bound to the user. Open until it is
 * used, revoked (a newer code was sent, or the tokens were reset) or past its expiry.
 */
@Entity
@Table(name = "CS_ENROLMENT_CODE", indexes = @Index(name = "CS_ENROLMENT_CODE_USER", columnList = "USER_ID"))
public class EnrolmentCode {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "USER_ID", length = 256, nullable = false)
    private String userId;

    @Column(name = "CODE_HASH", length = 128, nullable = false)
    private String codeHash;

    @Convert(converter = InstantColumn.class)
    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "CREATED_BY", length = 256, nullable = false)
    private String createdBy;

    @Convert(converter = InstantColumn.class)
    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Convert(converter = InstantColumn.class)
    @Column(name = "USED_AT")
    private Instant usedAt;

    @Convert(converter = InstantColumn.class)
    @Column(name = "REVOKED_AT")
    private Instant revokedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected EnrolmentCode() {
    }

    public EnrolmentCode(String userId, String codeHash, String createdBy, Instant now, Instant expiresAt) {
        if (!expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("an enrolment code must expire after it is made");
        }
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.codeHash = codeHash;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** The context a user's codes are hashed in: a code made for one user never matches for another. */
    public static String hashContext(String userId) {
        return "EnrolmentCode/" + userId;
    }

    /** @return whether the code can still be used at {@code now} */
    public boolean open(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    /** Stops an open code from working. */
    public void revoke(Instant now) {
        if (usedAt == null && revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Marks an open code used; it never works again. */
    public void use(Instant now) {
        if (!open(now)) {
            throw new IllegalStateException("enrolment code " + id + " is not open");
        }
        usedAt = now;
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public String codeHash() {
        return codeHash;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
