package org.countersign.user;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.jpa.InstantColumn;

/**
 * One user Countersign knows, keyed by the directory-qualified user id. Name, mobile and mail are
 * copies of the directory's values; the words a search finds the user by are kept apart, as
 * {@link UserTerm} rows ({@link #terms()}), written whenever those values change.
 */
@Entity
@Table(name = "CS_USER", indexes = {
        @Index(name = "CS_USER_LOGIN", columnList = "LOGIN_LC, ID"),
        @Index(name = "CS_USER_DIRECTORY", columnList = "DIRECTORY_ID, LOGIN_LC, ID"),
        @Index(name = "CS_USER_DISPLAY", columnList = "DISPLAY_LC, ID"),
        @Index(name = "CS_USER_MAIL", columnList = "MAIL_LC, ID")})
public class UserRecord {

    @Id
    @Column(name = "ID", length = 256)
    private String id;

    @Column(name = "DIRECTORY_ID", length = 64, nullable = false)
    private String directoryId;

    @Column(name = "LOGIN", length = 256, nullable = false)
    private String login;

    @Column(name = "LOGIN_LC", length = 256, nullable = false)
    private String loginLc;

    @Column(name = "DISPLAY_NAME", length = 256)
    private String displayName;

    @Column(name = "DISPLAY_LC", length = 256)
    private String displayLc;

    @Column(name = "MOBILE", length = 64)
    private String mobile;

    @Column(name = "MAIL", length = 256)
    private String mail;

    @Column(name = "MAIL_LC", length = 256)
    private String mailLc;

    @Column(name = "TWO_FACTOR", nullable = false)
    private boolean twoFactor;

    @Column(name = "TWO_FACTOR_MEMBER", nullable = false)
    private boolean twoFactorMember;

    @Column(name = "TOKEN_TYPE", length = 32)
    private String tokenType;

    @Column(name = "MISSING", nullable = false)
    private boolean missing;

    @Convert(converter = InstantColumn.class)
    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantColumn.class)
    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Convert(converter = InstantColumn.class)
    @Column(name = "SEEN_AT")
    private Instant seenAt;

    /** Which {@link UserTerms} rules wrote this user's terms; {@code null} for a row older than the term table. */
    @Column(name = "TERMS_VERSION")
    private Integer termsVersion;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected UserRecord() {
    }

    /** A new record for a user a directory described. */
    public UserRecord(DirectoryUserView user, Instant now) {
        this.id = user.userId();
        this.directoryId = user.directoryId();
        this.createdAt = now;
        copy(user, now);
    }

    /**
     * Takes the directory's values; a user seen again is no longer missing.
     *
     * @return whether anything changed
     */
    public boolean copy(DirectoryUserView user, Instant now) {
        boolean changed = !describes(user, login, displayName, mobile, mail, twoFactorMember, missing);
        if (changed) {
            this.login = user.login();
            this.loginLc = lower(user.login());
            this.displayName = user.displayName();
            this.displayLc = lower(user.displayName());
            this.mobile = user.mobile();
            this.mail = user.mail();
            this.mailLc = lower(user.mail());
            this.twoFactorMember = user.twoFactorMember();
            this.missing = false;
            this.updatedAt = now;
        }
        return changed;
    }

    /** @return whether a record holding these values says what the directory says of the user now (and is not marked missing) */
    static boolean describes(DirectoryUserView user, String login, String displayName, String mobile, String mail, boolean twoFactorMember,
            boolean missing) {
        return Objects.equals(login, user.login()) && Objects.equals(displayName, user.displayName()) && Objects.equals(mobile, user.mobile())
                && Objects.equals(mail, user.mail()) && twoFactorMember == user.twoFactorMember() && !missing;
    }

    /** @return the words a search finds this user by */
    public Set<String> terms() {
        return UserTerms.of(login, displayName, mail, mobile);
    }

    /** @return whether the stored terms were written by older rules (or before there were terms), so must be written again */
    public boolean termsOutdated() {
        return termsOutdated(termsVersion);
    }

    /** @return whether terms written by rules of this version (or {@code null}: none written) must be written again */
    static boolean termsOutdated(Integer termsVersion) {
        return termsVersion == null || termsVersion != UserTerms.VERSION;
    }

    /** Notes that the terms were written by the current rules. */
    public void termsWritten() {
        this.termsVersion = UserTerms.VERSION;
    }

    static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    /** @return the digits of a phone number, or {@code null} */
    static String digits(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        value.chars().filter(Character::isDigit).forEach(c -> digits.append((char) c));
        return digits.toString();
    }

    public void seen(Instant at) {
        this.seenAt = at;
    }

    public void missing(Instant now) {
        this.missing = true;
        this.updatedAt = now;
    }

    public void twoFactor(boolean enabled, Instant now) {
        this.twoFactor = enabled;
        this.updatedAt = now;
    }

    public void tokenType(String type, Instant now) {
        this.tokenType = type;
        this.updatedAt = now;
    }

    /** Enabled for two factors: by the helpdesk, or as a member of the directory's two-factor group. */
    public boolean twoFactorEnabled() {
        return twoFactor || twoFactorMember;
    }

    public String id() {
        return id;
    }

    public String directoryId() {
        return directoryId;
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

    public boolean twoFactorSwitchedOn() {
        return twoFactor;
    }

    public boolean twoFactorMember() {
        return twoFactorMember;
    }

    public String tokenType() {
        return tokenType;
    }

    public boolean missing() {
        return missing;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant seenAt() {
        return seenAt;
    }
}
