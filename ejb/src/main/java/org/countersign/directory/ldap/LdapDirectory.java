package org.countersign.directory.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.directory.PasswordVerdict;

/**
 * One LDAP or Active Directory, with its connection pools. Thread-safe; {@link #close()} releases the pools.
 */
public final class LdapDirectory implements AutoCloseable {

    /**
     * What an LDAP directory needs to know. {@link #toString()} hides the password.
     *
     * @param id directory id, the prefix of its users' ids
     * @param hosts host names in failover order
     * @param ports their ports
     * @param security NONE, LDAPS or STARTTLS
     * @param trustStore trust store path for TLS, or {@code null} for the JVM's default trust
     * @param connectTimeoutMillis per server
     * @param responseTimeoutMillis per operation
     * @param baseDn search base
     * @param bindDn service account
     * @param bindPassword its password
     * @param loginAttribute such as uid or sAMAccountName
     * @param userObjectFilter such as (objectClass=inetOrgPerson)
     * @param mobileAttribute mobile number attribute
     * @param mailAttribute e-mail attribute
     * @param twoFactorGroupDn group whose members are enabled for two factors, or {@code null}
     */
    public record Config(String id, List<String> hosts, List<Integer> ports, String security, String trustStore, int connectTimeoutMillis,
                         int responseTimeoutMillis, String baseDn, String bindDn, String bindPassword, String loginAttribute,
                         String userObjectFilter, String mobileAttribute, String mailAttribute, String twoFactorGroupDn) {
        @Override
        public String toString() {
            return "LdapDirectory.Config[" + id + ", " + hosts + ", " + baseDn + ", bind " + bindDn + ", password (hidden)]";
        }
    }

    /** Connections per pool (one pool for searches, one for password binds), for up to 64 RADIUS requests decided at once. */
    static final int MAX_CONNECTIONS = 16;

    private static final Pattern AD_DATA = Pattern.compile("data ([0-9a-fA-F]{3})");

    private final Config config;
    private final Filter userObjectFilter;
    private final LDAPConnectionPool searchPool;
    private final LDAPConnectionPool bindPool;

    /** Connects the pools; throws when no server can be reached or the service account is refused. */
    public LdapDirectory(Config config) throws LDAPException {
        this.config = config;
        this.userObjectFilter = Filter.create(config.userObjectFilter());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(config.connectTimeoutMillis());
        options.setResponseTimeoutMillis(config.responseTimeoutMillis());
        // the calling thread reads its own response: no reader thread per connection, no hand-over per operation
        options.setUseSynchronousMode(true);
        SocketFactory sockets = null;
        PostConnectProcessor startTls = null;
        if (!"NONE".equals(config.security())) {
            SSLUtil ssl = new SSLUtil(config.trustStore() == null ? new TrustStoreTrustManager(System.getProperty("javax.net.ssl.trustStore",
                    System.getProperty("java.home") + "/lib/security/cacerts")) : new TrustStoreTrustManager(config.trustStore()));
            try {
                if ("LDAPS".equals(config.security())) {
                    sockets = ssl.createSSLSocketFactory();
                } else {
                    SSLContext context = ssl.createSSLContext();
                    startTls = new StartTLSPostConnectProcessor(context);
                }
            } catch (GeneralSecurityException e) {
                throw new LDAPException(ResultCode.LOCAL_ERROR, "TLS cannot be set up: " + e.getMessage(), e);
            }
        }
        String[] hosts = config.hosts().toArray(String[]::new);
        int[] ports = config.ports().stream().mapToInt(Integer::intValue).toArray();
        SimpleBindRequest serviceBind = new SimpleBindRequest(config.bindDn(), config.bindPassword());
        // The service bind is part of connecting: a server that accepts TCP but never answers (black-holed)
        // fails within the response timeout and the next server is tried.
        FailoverServerSet servers = new FailoverServerSet(hosts, ports, sockets, options, serviceBind, startTls);
        servers.setReOrderOnFailover(true);
        this.searchPool = new LDAPConnectionPool(servers, serviceBind, 1, MAX_CONNECTIONS);
        LDAPConnectionPool binds;
        try {
            binds = new LDAPConnectionPool(servers, serviceBind, 1, MAX_CONNECTIONS);
        } catch (LDAPException e) {
            searchPool.close();
            throw e;
        }
        this.bindPool = binds;
        for (LDAPConnectionPool pool : List.of(searchPool, bindPool)) {
            pool.setMaxWaitTimeMillis(config.responseTimeoutMillis());
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
        }
    }

    /** @return the directory's id */
    public String id() {
        return config.id();
    }

    /**
     * Finds the one entry whose login attribute equals {@code login} exactly (RFC 4515 escaping by construction).
     *
     * @return empty when nobody matches or more than one entry does (an ambiguous login is never "first hit wins")
     * @throws LDAPException when no server answers
     */
    public Optional<DirectoryUserView> find(String login) throws LDAPException {
        return entry(login).map(this::view);
    }

    /** Checks a password by binding as the user's DN. Never binds with an empty password. */
    public PasswordVerdict verifyPassword(String login, char[] password) {
        if (password == null || password.length == 0 || new String(password).isBlank()) {
            return new PasswordVerdict.Invalid();
        }
        Optional<SearchResultEntry> entry;
        try {
            entry = entry(login);
        } catch (LDAPException e) {
            return new PasswordVerdict.Unavailable(config.id() + ": " + e.getResultCode().getName());
        }
        if (entry.isEmpty()) {
            return new PasswordVerdict.Invalid();
        }
        return bind(entry.get().getDN(), view(entry.get()), password);
    }

    /**
     * Checks the password of a user found a moment ago, by one bind as the entry found (no second search).
     * A user who was renamed or removed since is refused by the directory, as a wrong password is.
     */
    public PasswordVerdict verifyPassword(DirectoryUserView found, char[] password) {
        if (password == null || password.length == 0 || new String(password).isBlank() || found.entryDn() == null) {
            return new PasswordVerdict.Invalid();
        }
        return bind(found.entryDn(), found, password);
    }

    private PasswordVerdict bind(String dn, DirectoryUserView user, char[] password) {
        LDAPConnection connection;
        try {
            connection = bindPool.getConnection();
        } catch (LDAPException e) {
            return new PasswordVerdict.Unavailable(config.id() + ": " + e.getResultCode().getName());
        }
        try {
            BindResult result = connection.bind(new SimpleBindRequest(dn, new String(password)));
            return result.getResultCode() == ResultCode.SUCCESS ? new PasswordVerdict.Valid(user) : new PasswordVerdict.Invalid();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                String state = activeDirectoryState(e.getDiagnosticMessage());
                return state == null ? new PasswordVerdict.Invalid() : new PasswordVerdict.Refused(state);
            }
            if (e.getResultCode().isConnectionUsable()) {
                return new PasswordVerdict.Invalid();
            }
            return new PasswordVerdict.Unavailable(config.id() + ": " + e.getResultCode().getName());
        } finally {
            // A connection of this pool is only ever used for one bind at a time, so it need not be
            // re-bound as the service account: the next check's bind replaces whatever identity it has.
            if (connection.isConnected()) {
                bindPool.releaseConnection(connection);
            } else {
                bindPool.releaseDefunctConnection(connection);
            }
        }
    }

    /**
     * Replaces attribute values of the user's entry as the service account.
     *
     * @param values logical name ({@code mobile}, {@code mail}) to new value
     * @throws LDAPException with result INSUFFICIENT_ACCESS_RIGHTS when the service account may not write
     */
    public DirectoryUserView write(String login, java.util.Map<String, String> values) throws LDAPException {
        SearchResultEntry entry = entry(login).orElseThrow(() -> new LDAPException(ResultCode.NO_SUCH_OBJECT, "no such user " + login));
        List<com.unboundid.ldap.sdk.Modification> mods = new java.util.ArrayList<>();
        values.forEach((logical, value) -> mods.add(new com.unboundid.ldap.sdk.Modification(com.unboundid.ldap.sdk.ModificationType.REPLACE,
                attributeFor(logical), value)));
        searchPool.modify(entry.getDN(), mods);
        return entry(login).map(this::view).orElseThrow();
    }

    /** @return the directory attribute that holds a logical attribute */
    public String attributeFor(String logical) {
        return switch (logical) {
            case "mobile" -> config.mobileAttribute();
            case "mail" -> config.mailAttribute();
            default -> throw new IllegalArgumentException("unknown attribute " + logical);
        };
    }

    /** Tests each server on its own: reachable and TLS, service account, base DN, user filter. */
    public static List<org.countersign.api.directory.ServerTestView> test(Config config) {
        List<org.countersign.api.directory.ServerTestView> results = new java.util.ArrayList<>();
        for (int i = 0; i < config.hosts().size(); i++) {
            String server = config.hosts().get(i) + ":" + config.ports().get(i);
            Config single = new Config(config.id(), List.of(config.hosts().get(i)), List.of(config.ports().get(i)), config.security(),
                    config.trustStore(), config.connectTimeoutMillis(), config.responseTimeoutMillis(), config.baseDn(), config.bindDn(),
                    config.bindPassword(), config.loginAttribute(), config.userObjectFilter(), config.mobileAttribute(), config.mailAttribute(),
                    config.twoFactorGroupDn());
            results.add(testOne(server, single));
        }
        return results;
    }

    private static org.countersign.api.directory.ServerTestView testOne(String server, Config single) {
        String outcome;
        String detail;
        try (LdapDirectory d = new LdapDirectory(single)) {
            if (d.searchPool.getEntry(single.baseDn()) == null) {
                outcome = "BASE_DN_NOT_FOUND";
                detail = single.baseDn() + " does not exist";
            } else {
                SearchRequest any = new SearchRequest(single.baseDn(), SearchScope.SUB, d.userObjectFilter, "1.1");
                any.setSizeLimit(1);
                int found;
                try {
                    found = d.searchPool.search(any).getEntryCount();
                } catch (LDAPException e) {
                    if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
                        throw e;
                    }
                    found = 1;
                }
                outcome = found == 0 ? "FILTER_MATCHES_NOTHING" : "OK";
                detail = found == 0 ? single.userObjectFilter() + " matches no entry under " + single.baseDn() : "connected, users found";
            }
        } catch (LDAPException e) {
            outcome = outcomeOf(e);
            detail = e.getResultCode().getName() + (e.getDiagnosticMessage() == null ? "" : ": " + e.getDiagnosticMessage());
        }
        return new org.countersign.api.directory.ServerTestView(server, outcome, detail);
    }

    private static String outcomeOf(LDAPException e) {
        ResultCode code = e.getResultCode();
        if (code == ResultCode.INVALID_CREDENTIALS || code == ResultCode.INAPPROPRIATE_AUTHENTICATION) {
            return "BAD_SERVICE_CREDENTIALS";
        }
        if (code == ResultCode.NO_SUCH_OBJECT) {
            return "BASE_DN_NOT_FOUND";
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("ssl") || message.contains("tls") || message.contains("certificate") || message.contains("handshake")) {
            return "TLS_FAILURE";
        }
        return "UNREACHABLE";
    }

    /** Maps Active Directory's bind diagnostic ("... data 533 ...") to an account state; null for a plain wrong password (52e). */
    static String activeDirectoryState(String diagnostic) {
        if (diagnostic == null) {
            return null;
        }
        Matcher m = AD_DATA.matcher(diagnostic);
        if (!m.find()) {
            return null;
        }
        switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
            case "533":
                return "DISABLED";
            case "775":
                return "LOCKED";
            case "532":
                return "PASSWORD_EXPIRED";
            case "773":
                return "MUST_CHANGE_PASSWORD";
            case "701":
                return "EXPIRED";
            case "530":
            case "531":
                return "DISABLED";
            default:
                return null;
        }
    }

    private Optional<SearchResultEntry> entry(String login) throws LDAPException {
        if (login == null || login.isBlank() || login.length() > 256 || login.chars().anyMatch(c -> c < 0x20)) {
            return Optional.empty();
        }
        Filter filter = Filter.createANDFilter(userObjectFilter, Filter.createEqualityFilter(config.loginAttribute(), login));
        SearchRequest request = new SearchRequest(config.baseDn(), SearchScope.SUB, filter,
                config.loginAttribute(), "displayName", "cn", config.mobileAttribute(), config.mailAttribute(), "memberOf");
        request.setSizeLimit(2);
        request.setTimeLimitSeconds(Math.max(1, config.responseTimeoutMillis() / 1000));
        SearchResult result;
        try {
            result = searchPool.search(request);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return Optional.empty();
            }
            throw e;
        }
        List<SearchResultEntry> entries = result.getSearchEntries();
        return entries.size() == 1 ? Optional.of(entries.get(0)) : Optional.empty();
    }

    private DirectoryUserView view(SearchResultEntry e) {
        Attribute memberOf = e.getAttribute("memberOf");
        Set<String> groups = memberOf == null ? Set.of()
                : java.util.Arrays.stream(memberOf.getValues()).map(v -> v.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
        boolean member = config.twoFactorGroupDn() != null && groups.contains(config.twoFactorGroupDn().toLowerCase(java.util.Locale.ROOT));
        String login = e.getAttributeValue(config.loginAttribute());
        String display = e.getAttributeValue("displayName") != null ? e.getAttributeValue("displayName") : e.getAttributeValue("cn");
        return new DirectoryUserView(config.id() + ":" + login, config.id(), login, display, e.getAttributeValue(config.mobileAttribute()),
                e.getAttributeValue(config.mailAttribute()), member, groups, e.getDN());
    }

    /**
     * Opens a paged listing of every user under the base DN (RFC 2696 simple paged results) on a connection of
     * its own: servers such as OpenLDAP keep a paged search's state per connection.
     */
    public Pager pager() throws LDAPException {
        return new Pager(searchPool.getConnection());
    }

    /** A paged listing of the directory's users; one reader at a time. {@link #close()} gives the connection back. */
    public final class Pager implements AutoCloseable {

        private final LDAPConnection connection;
        private ASN1OctetString cookie;
        private boolean done;

        private Pager(LDAPConnection connection) {
            this.connection = connection;
        }

        /**
         * @param size the page size asked of the server, 1 to 1000
         * @return the next page of users (entries without a login are left out); empty once {@link #done()}
         */
        public List<DirectoryUserView> next(int size) throws LDAPException {
            if (done) {
                return List.of();
            }
            SearchRequest request = new SearchRequest(config.baseDn(), SearchScope.SUB, userObjectFilter,
                    config.loginAttribute(), "displayName", "cn", config.mobileAttribute(), config.mailAttribute(), "memberOf");
            request.setControls(new SimplePagedResultsControl(Math.max(1, Math.min(size, 1000)), cookie, false));
            SearchResult result = connection.search(request);
            SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
            cookie = response == null ? null : response.getCookie();
            done = response == null || !response.moreResultsToReturn();
            return result.getSearchEntries().stream().filter(e -> e.getAttributeValue(config.loginAttribute()) != null)
                    .map(LdapDirectory.this::view).toList();
        }

        /** @return whether the last page was read */
        public boolean done() {
            return done;
        }

        @Override
        public void close() {
            if (done && connection.isConnected()) {
                searchPool.releaseConnection(connection);
            } else {
                // an unfinished paged search holds state on the server's side of this connection: drop it
                searchPool.releaseDefunctConnection(connection);
            }
        }
    }

    @Override
    public void close() {
        searchPool.close();
        bindPool.close();
    }

    @Override
    public String toString() {
        return "LdapDirectory[" + config + "]";
    }
}
