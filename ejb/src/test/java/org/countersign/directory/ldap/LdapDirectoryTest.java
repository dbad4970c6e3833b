package org.countersign.directory.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.countersign.api.directory.PasswordVerdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against UnboundID's in-memory server (port 0) with an OpenLDAP-like tree. */
class LdapDirectoryTest {

    private static final String BASE = "dc=example,dc=org";
    private InMemoryDirectoryServer server;
    private final AtomicInteger userBinds = new AtomicInteger();
    private final AtomicInteger searches = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=admin," + BASE, "adminpw");
        config.setSchema(null); // schema-less, so the same server can hold Active Directory attributes (sAMAccountName, memberOf)
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                if (request.getRequest().getBindDN().startsWith("uid=")) {
                    userBinds.incrementAndGet();
                }
            }

            @Override
            public void processSearchRequest(com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest request) {
                searches.incrementAndGet();
            }

            @Override
            public void processModifyRequest(com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest request)
                    throws LDAPException {
                // the service account may write mail but not mobile, as a restrictive ACL would have it
                if (request.getRequest().getModifications().stream().anyMatch(m -> m.getAttributeName().equalsIgnoreCase("mobile"))) {
                    throw new LDAPException(com.unboundid.ldap.sdk.ResultCode.INSUFFICIENT_ACCESS_RIGHTS, "no write access to mobile");
                }
            }
        });
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: example");
        server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        user("alice", "alice-pw-1", "+447700900001");
        user("bob", "bob-pw-2", null);
        user("a*b", "star-pw-3", null);
        user("back\\slash", "bs-pw-4", null);
        server.startListening();
    }

    private void user(String uid, String password, String mobile) throws Exception {
        String dn = new com.unboundid.ldap.sdk.RDN("uid", uid).toString() + ",ou=people," + BASE;
        if (mobile == null) {
            server.add("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + uid, "sn: x", "userPassword: " + password,
                    "mail: " + uid.replaceAll("[^a-z]", "") + "@example.org");
        } else {
            server.add("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + uid, "sn: x", "userPassword: " + password,
                    "mobile: " + mobile, "mail: " + uid + "@example.org");
        }
    }

    @AfterEach
    void stopServer() {
        server.shutDown(true);
    }

    private LdapDirectory directory(List<Integer> ports, int timeoutMillis) throws LDAPException {
        return new LdapDirectory(new LdapDirectory.Config("corp", ports.stream().map(p -> "127.0.0.1").toList(), ports, "NONE", null,
                timeoutMillis, timeoutMillis, BASE, "cn=admin," + BASE, "adminpw", "uid", "(objectClass=inetOrgPerson)", "mobile", "mail", null));
    }

    private LdapDirectory directory() throws LDAPException {
        return directory(List.of(server.getListenPort()), 2000);
    }

    @Test
    void findsAUserWithTheMappedAttributes() throws LDAPException {
        try (LdapDirectory d = directory()) {
            var alice = d.find("alice").orElseThrow();
            assertEquals("corp:alice", alice.userId());
            assertEquals("+447700900001", alice.mobile());
            assertEquals("alice@example.org", alice.mail());
        }
    }

    @Test
    void wrongPasswordAndUnknownUserAreOneOutcome() throws LDAPException {
        try (LdapDirectory d = directory()) {
            assertInstanceOf(PasswordVerdict.Valid.class, d.verifyPassword("alice", "alice-pw-1".toCharArray()));
            assertEquals(new PasswordVerdict.Invalid(), d.verifyPassword("alice", "wrong".toCharArray()));
            assertEquals(new PasswordVerdict.Invalid(), d.verifyPassword("nobody", "alice-pw-1".toCharArray()));
            assertInstanceOf(PasswordVerdict.Valid.class, d.verifyPassword("alice", "alice-pw-1".toCharArray()), "the pool still works after failures");
        }
    }

    @Test
    void aUserFoundAMomentAgoIsCheckedByOneBindWithoutAnotherSearch() throws Exception {
        try (LdapDirectory d = directory()) {
            var alice = d.find("alice").orElseThrow();
            assertEquals("uid=alice,ou=people," + BASE, alice.entryDn());
            int searchesBefore = searches.get();
            int bindsBefore = userBinds.get();
            assertEquals(new PasswordVerdict.Valid(alice), d.verifyPassword(alice, "alice-pw-1".toCharArray()));
            assertEquals(new PasswordVerdict.Invalid(), d.verifyPassword(alice, "wrong".toCharArray()));
            assertEquals(new PasswordVerdict.Invalid(), d.verifyPassword(alice, "  ".toCharArray()), "blank: no bind");
            assertEquals(searchesBefore, searches.get(), "no search after the find");
            assertEquals(bindsBefore + 2, userBinds.get(), "one bind per check with a password");

            server.delete("uid=alice,ou=people," + BASE);
            assertEquals(new PasswordVerdict.Invalid(), d.verifyPassword(alice, "alice-pw-1".toCharArray()), "removed since it was found");
        }
    }

    @Test
    void emptyAndBlankPasswordsAreRefusedWithoutAnyBind() throws LDAPException {
        try (LdapDirectory d = directory()) {
            int before = userBinds.get();
            assertEquals(new PasswordVerdict.Invalid(), d.verifyPassword("alice", new char[0]));
            assertEquals(new PasswordVerdict.Invalid(), d.verifyPassword("alice", "   ".toCharArray()));
            assertEquals(before, userBinds.get());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "admin*", "a)(uid=*", ")(objectClass=*", "alice\u0000", "al*", "*)(|(uid=*", "\\2a"})
    void filterMetacharactersFindNobody(String login) throws LDAPException {
        try (LdapDirectory d = directory()) {
            assertTrue(d.find(login).isEmpty(), login);
            assertEquals(new PasswordVerdict.Invalid(), d.verifyPassword(login, "alice-pw-1".toCharArray()));
        }
    }

    @Test
    void loginsWithMetacharactersFindExactlyTheLiteralUser() throws LDAPException {
        try (LdapDirectory d = directory()) {
            assertEquals("a*b", d.find("a*b").orElseThrow().login());
            assertEquals("back\\slash", d.find("back\\slash").orElseThrow().login());
            assertInstanceOf(PasswordVerdict.Valid.class, d.verifyPassword("a*b", "star-pw-3".toCharArray()));
        }
    }

    @Test
    void firstServerStoppedFailsOverWithinTheTimeout() throws LDAPException, IOException {
        int stopped;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            stopped = s.getLocalPort();
        }
        long start = System.nanoTime();
        try (LdapDirectory d = directory(List.of(stopped, server.getListenPort()), 500)) {
            assertInstanceOf(PasswordVerdict.Valid.class, d.verifyPassword("alice", "alice-pw-1".toCharArray()));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 500 * 2 + 1000, "took " + millis + " ms");
    }

    @Test
    void firstServerBlackHoledFailsOverWithinTheTimeout() throws LDAPException, IOException {
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // accepts TCP connections into its backlog and never answers a byte
            long start = System.nanoTime();
            try (LdapDirectory d = directory(List.of(blackHole.getLocalPort(), server.getListenPort()), 500)) {
                assertInstanceOf(PasswordVerdict.Valid.class, d.verifyPassword("alice", "alice-pw-1".toCharArray()));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 500 * 2 + 1000, "took " + millis + " ms");
        }
    }

    @Test
    void writesBackMailAndReportsAttributesItMayNotWrite() throws LDAPException {
        try (LdapDirectory d = directory()) {
            assertEquals("alice.new@example.org", d.write("alice", java.util.Map.of("mail", "alice.new@example.org")).mail());
            LDAPException e = org.junit.jupiter.api.Assertions.assertThrows(LDAPException.class,
                    () -> d.write("alice", java.util.Map.of("mobile", "+447700900999")));
            assertEquals(com.unboundid.ldap.sdk.ResultCode.INSUFFICIENT_ACCESS_RIGHTS, e.getResultCode());
            assertEquals("mobile", d.attributeFor("mobile"));
        }
    }

    @Test
    void testConnectionSaysWhatIsWrongPerServer() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        int live = server.getListenPort();
        LdapDirectory.Config good = new LdapDirectory.Config("corp", List.of("127.0.0.1", "127.0.0.1"), List.of(closed, live), "NONE", null,
                500, 500, BASE, "cn=admin," + BASE, "adminpw", "uid", "(objectClass=inetOrgPerson)", "mobile", "mail", null);
        assertEquals(List.of("UNREACHABLE", "OK"), LdapDirectory.test(good).stream().map(r -> r.outcome()).toList());
        assertEquals("BAD_SERVICE_CREDENTIALS", single(live, BASE, "wrong", "(objectClass=inetOrgPerson)"));
        assertEquals("BASE_DN_NOT_FOUND", single(live, "ou=nowhere," + BASE, "adminpw", "(objectClass=inetOrgPerson)"));
        assertEquals("FILTER_MATCHES_NOTHING", single(live, BASE, "adminpw", "(objectClass=user)"));
    }

    private static String single(int port, String base, String password, String filter) {
        return LdapDirectory.test(new LdapDirectory.Config("corp", List.of("127.0.0.1"), List.of(port), "NONE", null, 500, 500, base,
                "cn=admin,dc=example,dc=org", password, "uid", filter, "mobile", "mail", null)).get(0).outcome();
    }

    @Test
    void activeDirectoryLikeTreeFindsBySamAccountNameAndSeesTheTwoFactorGroup() throws Exception {
        server.add("dn: ou=corp," + BASE, "objectClass: organizationalUnit", "ou: corp");
        server.add("dn: cn=Dave Smith,ou=corp," + BASE, "objectClass: inetOrgPerson", "objectClass: extensibleObject", "cn: Dave Smith",
                "sn: Smith", "sAMAccountName: dsmith", "userPrincipalName: dsmith@corp.example", "displayName: Dave Smith",
                "memberOf: CN=2FA Users,OU=Groups,DC=corp,DC=example", "userPassword: dave-pw-5");
        try (LdapDirectory d = new LdapDirectory(new LdapDirectory.Config("ad", List.of("127.0.0.1"), List.of(server.getListenPort()), "NONE",
                null, 2000, 2000, BASE, "cn=admin," + BASE, "adminpw", "sAMAccountName", "(objectClass=inetOrgPerson)", "mobile", "mail",
                "cn=2fa users,ou=groups,dc=corp,dc=example"))) {
            var dave = d.find("dsmith").orElseThrow();
            assertEquals("ad:dsmith", dave.userId());
            assertEquals("Dave Smith", dave.displayName());
            assertTrue(dave.twoFactorMember(), "group DNs compare without case");
            assertInstanceOf(PasswordVerdict.Valid.class, d.verifyPassword("dsmith", "dave-pw-5".toCharArray()));
        }
    }

    @Test
    void activeDirectoryBindDiagnosticsBecomeAccountStates() {
        String prefix = "80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext error, data ";
        assertEquals("DISABLED", LdapDirectory.activeDirectoryState(prefix + "533, v3839"));
        assertEquals("LOCKED", LdapDirectory.activeDirectoryState(prefix + "775, v3839"));
        assertEquals("PASSWORD_EXPIRED", LdapDirectory.activeDirectoryState(prefix + "532, v3839"));
        assertEquals("MUST_CHANGE_PASSWORD", LdapDirectory.activeDirectoryState(prefix + "773, v3839"));
        assertNull(LdapDirectory.activeDirectoryState(prefix + "52e, v3839"), "a plain wrong password");
        assertNull(LdapDirectory.activeDirectoryState(null));
    }
}
