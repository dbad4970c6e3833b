package org.countersign.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.countersign.api.admin.AdminRole;
import org.countersign.jpa.InstantColumn;

/** The console role of one built-in directory user, and the TOTP token it signs in with. */
@Entity
@Table(name = "CS_ADMIN_ACCOUNT")
public class AdminAccount {

    @Id
    @Column(name = "LOGIN", length = 128)
    private String login;

    @Column(name = "USER_ID", length = 200, nullable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "ROLE", length = 16, nullable = false)
    private AdminRole role;

    /** The account's own TOTP token; the account may sign in once it is activated. */
    @Column(name = "TOKEN_ID", length = 64)
    private String tokenId;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Convert(converter = InstantColumn.class)
    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "CREATED_BY", length = 128, nullable = false)
    private String createdBy;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected AdminAccount() {
    }

    AdminAccount(String login, String userId, AdminRole role, String createdBy, Instant now) {
        this.login = login;
        this.userId = userId;
        this.role = role;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public String login() {
        return login;
    }

    public String userId() {
        return userId;
    }

    public AdminRole role() {
        return role;
    }

    void role(AdminRole newRole) {
        this.role = newRole;
    }

    public String tokenId() {
        return tokenId;
    }

    /** A new pending token replaces the previous one; the account is inactive until it is activated. */
    void pendingToken(String newTokenId) {
        this.tokenId = newTokenId;
        this.active = false;
    }

    public boolean active() {
        return active;
    }

    void activated() {
        this.active = true;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
