package org.countersign.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.countersign.jpa.InstantColumn;

/**
 * A challenge sent after a correct password, waiting for its passcode. Keyed by the SHA-256 of its
 * State, so the table never holds a usable State. Shared by every server through the database.
 */
@Entity
@Table(name = "CS_AUTH_CHALLENGE", indexes = @Index(name = "CS_CHALLENGE_EXPIRES", columnList = "EXPIRES_AT"))
public class PendingChallenge {

    @Id
    @Column(name = "STATE_HASH", length = 64)
    private String stateHash;

    @Column(name = "USER_ID", length = 256, nullable = false)
    private String userId;

    @Column(name = "CLIENT", length = 128, nullable = false)
    private String client;

    @Convert(converter = InstantColumn.class)
    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "USED", nullable = false)
    private boolean used;

    protected PendingChallenge() {
    }

    PendingChallenge(String stateHash, String userId, String client, Instant expiresAt) {
        this.stateHash = stateHash;
        this.userId = userId;
        this.client = client;
        this.expiresAt = expiresAt;
    }

    String stateHash() {
        return stateHash;
    }

    String userId() {
        return userId;
    }

    String client() {
        return client;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean used() {
        return used;
    }

    void use() {
        this.used = true;
    }
}
