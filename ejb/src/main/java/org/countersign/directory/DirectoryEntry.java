package org.countersign.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.countersign.api.directory.LdapDirectorySettings;
import org.countersign.jpa.InstantColumn;

/**
 * A configured LDAP or Active Directory connection. The service account's password is sealed and
 * bound to this row; lists are stored comma-separated. {@code position} orders the directories
 * searched for a login that names no domain.
 */
@Entity
@Table(name = "CS_DIRECTORY")
public class DirectoryEntry {

    @Id
    @Column(name = "ID", length = 64)
    private String id;

    @Column(name = "NAME", length = 128, nullable = false)
    private String name;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "FLAVOR", length = 32, nullable = false)
    private String flavor;

    @Column(name = "SERVERS", length = 1024, nullable = false)
    private String servers;

    @Column(name = "SECURITY", length = 16, nullable = false)
    private String security;

    @Column(name = "TRUST_STORE", length = 512)
    private String trustStore;

    @Column(name = "CONNECT_TIMEOUT_MS", nullable = false)
    private int connectTimeoutMillis;

    @Column(name = "RESPONSE_TIMEOUT_MS", nullable = false)
    private int responseTimeoutMillis;

    @Column(name = "BASE_DN", length = 512, nullable = false)
    private String baseDn;

    @Column(name = "BIND_DN", length = 512, nullable = false)
    private String bindDn;

    @Column(name = "SEALED_BIND_PASSWORD", length = 512, nullable = false)
    private String sealedBindPassword;

    @Column(name = "LOGIN_ATTRIBUTE", length = 64, nullable = false)
    private String loginAttribute;

    @Column(name = "USER_OBJECT_FILTER", length = 512, nullable = false)
    private String userObjectFilter;

    @Column(name = "MOBILE_ATTRIBUTE", length = 64, nullable = false)
    private String mobileAttribute;

    @Column(name = "MAIL_ATTRIBUTE", length = 64, nullable = false)
    private String mailAttribute;

    @Column(name = "TOKEN_ATTRIBUTE", length = 64, nullable = false)
    private String tokenAttribute;

    @Column(name = "NETBIOS_NAME", length = 64)
    private String netbiosName;

    @Column(name = "UPN_SUFFIXES", length = 1024)
    private String upnSuffixes;

    @Column(name = "TWO_FACTOR_GROUP_DN", length = 512)
    private String twoFactorGroupDn;

    @Convert(converter = InstantColumn.class)
    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected DirectoryEntry() {
    }

    DirectoryEntry(String id, int position) {
        this.id = id;
        this.position = position;
    }

    /** The associated data the bind password is sealed with. */
    static byte[] passwordBinding(String id) {
        return ("Directory/" + id + "/bind-password").getBytes(StandardCharsets.UTF_8);
    }

    /** Copies an administrator's settings, defaults by flavor filled in; the password is sealed by the caller. */
    void apply(LdapDirectorySettings s, Instant now) {
        boolean ad = "ACTIVE_DIRECTORY".equals(s.flavor());
        this.name = s.name().strip();
        this.flavor = ad ? "ACTIVE_DIRECTORY" : "OPENLDAP";
        this.servers = String.join(",", s.servers());
        this.security = s.security() == null ? "NONE" : s.security();
        this.trustStore = s.trustStore();
        this.connectTimeoutMillis = s.connectTimeoutMillis() > 0 ? s.connectTimeoutMillis() : 3000;
        this.responseTimeoutMillis = s.responseTimeoutMillis() > 0 ? s.responseTimeoutMillis() : 5000;
        this.baseDn = s.baseDn();
        this.bindDn = s.bindDn();
        this.loginAttribute = or(s.loginAttribute(), ad ? "sAMAccountName" : "uid");
        this.userObjectFilter = or(s.userObjectFilter(), ad ? "(&(objectCategory=person)(objectClass=user))" : "(objectClass=inetOrgPerson)");
        this.mobileAttribute = or(s.mobileAttribute(), "mobile");
        this.mailAttribute = or(s.mailAttribute(), "mail");
        this.tokenAttribute = or(s.tokenAttribute(), "telexNumber");
        this.netbiosName = s.netbiosName();
        this.upnSuffixes = String.join(",", s.upnSuffixes());
        this.twoFactorGroupDn = s.twoFactorGroupDn();
        this.updatedAt = now;
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    void sealedBindPassword(String sealed) {
        this.sealedBindPassword = sealed;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    int position() {
        return position;
    }

    String flavor() {
        return flavor;
    }

    List<String> servers() {
        return split(servers);
    }

    String security() {
        return security;
    }

    String trustStore() {
        return trustStore;
    }

    int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    int responseTimeoutMillis() {
        return responseTimeoutMillis;
    }

    String baseDn() {
        return baseDn;
    }

    String bindDn() {
        return bindDn;
    }

    String sealedBindPassword() {
        return sealedBindPassword;
    }

    String loginAttribute() {
        return loginAttribute;
    }

    String userObjectFilter() {
        return userObjectFilter;
    }

    String mobileAttribute() {
        return mobileAttribute;
    }

    String mailAttribute() {
        return mailAttribute;
    }

    String tokenAttribute() {
        return tokenAttribute;
    }

    String netbiosName() {
        return netbiosName;
    }

    List<String> upnSuffixes() {
        return split(upnSuffixes);
    }

    String twoFactorGroupDn() {
        return twoFactorGroupDn;
    }

    long version() {
        return version;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(String::strip).toList();
    }
}
