package org.countersign.directory.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.countersign.jpa.InstantColumn;

/**
 * A user of the built-in directory. The login is kept lower-case and unique; the password only as
 * a PBKDF2 hash; groups by name.
 */
@Entity
@Table(name = "CS_INTERNAL_USER")
public class InternalUser {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "LOGIN", length = 128, nullable = false, unique = true)
    private String login;

    @Column(name = "DISPLAY_NAME", length = 256)
    private String displayName;

    @Column(name = "MOBILE", length = 64)
    private String mobile;

    @Column(name = "MAIL", length = 256)
    private String mail;

    @Column(name = "PASSWORD_HASH", length = 256)
    private String passwordHash;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CS_INTERNAL_USER_GROUP", joinColumns = @JoinColumn(name = "USER_ID"))
    @Column(name = "GROUP_NAME", length = 128)
    private Set<String> groups = new TreeSet<>();

    @Convert(converter = InstantColumn.class)
    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected InternalUser() {
    }

    public InternalUser(String login, String displayName, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.login = normalise(login);
        this.displayName = displayName;
        this.createdAt = now;
    }

    /** Logins compare without case, as directory logins do. */
    public static String normalise(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    public String id() {
        return id;
    }

    public String login() {
        return login;
    }

    public String displayName() {
        return displayName;
    }

    public String mobile() {
        return mobile;
    }

    public String mail() {
        return mail;
    }

    public void contact(String newMobile, String newMail) {
        this.mobile = newMobile;
        this.mail = newMail;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void passwordHash(String hash) {
        this.passwordHash = hash;
    }

    public boolean enabled() {
        return enabled;
    }

    public void enabled(boolean value) {
        this.enabled = value;
    }

    public Set<String> groups() {
        return Set.copyOf(groups);
    }

    public void groups(Set<String> names) {
        this.groups = new TreeSet<>(names);
    }
}
