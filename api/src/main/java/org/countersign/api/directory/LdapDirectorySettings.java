package org.countersign.api.directory;

import java.util.List;

/**
 * An LDAP or Active Directory connection as an administrator sets it. {@link #toString()} hides the
 * service account's password.
 *
 * @param name display name, also used as the directory id when lower-cased
 * @param flavor {@code ACTIVE_DIRECTORY} or {@code OPENLDAP}: picks the defaults below when they are {@code null}
 * @param servers {@code host:port} in failover order
 * @param security {@code NONE}, {@code LDAPS} or {@code STARTTLS}
 * @param trustStore path of a trust store for LDAPS/StartTLS, or {@code null} for the JVM's
 * @param connectTimeoutMillis per server
 * @param responseTimeoutMillis per operation
 * @param baseDn where users are searched
 * @param bindDn the service account
 * @param bindPassword its password, or {@code null} on an edit that keeps the current one
 * @param loginAttribute {@code sAMAccountName} or {@code uid} by default
 * @param userObjectFilter such as {@code (objectClass=user)}
 * @param mobileAttribute {@code mobile} by default
 * @param mailAttribute {@code mail} by default
 * @param tokenAttribute {@code telexNumber} by default
 * @param netbiosName the AD domain's NetBIOS name, for {@code DOMAIN\\user} logins, or {@code null}
 * @param upnSuffixes UPN suffixes, for {@code user@suffix} logins
 * @param twoFactorGroupDn members are enabled for two factors automatically, or {@code null}
 */
public record LdapDirectorySettings(String name, String flavor, List<String> servers, String security, String trustStore,
                                    int connectTimeoutMillis, int responseTimeoutMillis, String baseDn, String bindDn, String bindPassword,
                                    String loginAttribute, String userObjectFilter, String mobileAttribute, String mailAttribute,
                                    String tokenAttribute, String netbiosName, List<String> upnSuffixes, String twoFactorGroupDn) {

    public LdapDirectorySettings {
        servers = servers == null ? List.of() : List.copyOf(servers);
        upnSuffixes = upnSuffixes == null ? List.of() : List.copyOf(upnSuffixes);
    }

    @Override
    public String toString() {
        return "LdapDirectorySettings[name=" + name + ", flavor=" + flavor + ", servers=" + servers + ", security=" + security
                + ", baseDn=" + baseDn + ", bindDn=" + bindDn + ", bindPassword=" + (bindPassword == null ? "unchanged" : "(hidden)") + "]";
    }
}
