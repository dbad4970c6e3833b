package org.countersign.directory.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.directory.PasswordVerdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password checks' own connections ({@link BindLines}) and the bind sent ahead of the search
 * ({@link LdapDirectory#bindAhead}), against UnboundID's in-memory server: plain, LDAPS and StartTLS.
 */
class BindLinesTest {

    private static final String BASE = "dc=example,dc=org";
    private static final String ALICE = "uid=alice,ou=people," + BASE;

    @TempDir
    Path dir;

    private InMemoryDirectoryServer server;
    private final AtomicInteger userBinds = new AtomicInteger();
    private final AtomicInteger startTls = new AtomicInteger();

    private void start(InMemoryListenerConfig listener) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=admin," + BASE, "adminpw");
        config.setListenerConfigs(listener);
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                if (request.getRequest().getBindDN().startsWith("uid=")) {
                    userBinds.incrementAndGet();
                }
            }

        });
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: example");
        server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: " + ALICE, "objectClass: inetOrgPerson", "uid: alice", "cn: Alice", "sn: A", "userPassword: alice-pw");
        server.add("dn: uid=bob,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: bob", "cn: Bob", "sn: B", "userPassword: bob-pw");
        server.startListening();
    }

    private void startPlain() throws Exception {
        start(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutDown(true);
        }
    }

    private LdapDirectory directory(String security, String trustStore, List<Integer> ports, int timeoutMillis) throws LDAPException {
        return new LdapDirectory(new LdapDirectory.Config("corp", ports.stream().map(p -> "127.0.0.1").toList(), ports, security, trustStore,
                timeoutMillis, timeoutMillis, BASE, "cn=admin," + BASE, "adminpw", "uid", "(objectClass=inetOrgPerson)", "mobile", "mail", null));
    }

    private LdapDirectory directory() throws LDAPException {
        return directory("NONE", null, List.of(server.getListenPort()), 2000);
    }

    @Test
    void aPasswordSentAheadCountsForTheEntryItWasSentForWithOneBind() throws Exception {
        startPlain();
        try (LdapDirectory d = directory()) {
            DirectoryUserView before = d.find("alice").orElseThrow();
            int binds = userBinds.get();
            LdapDirectory.AheadBind right = d.bindAhead(before, "alice-pw".toCharArray());
            DirectoryUserView now = d.find("alice").orElseThrow();
            assertEquals(new PasswordVerdict.Valid(now), right.verdictFor(now), "valid, with the user as found now");
            right.drop(); // after the verdict: nothing more is read
            assertEquals(new PasswordVerdict.Invalid(), d.bindAhead(before, "wrong".toCharArray()).verdictFor(now));
            assertEquals(binds + 2, userBinds.get(), "one bind per check: the answer sent ahead is the answer");
            assertNull(d.bindAhead(before, " ".toCharArray()), "a blank password is never sent");
            assertNull(d.bindAhead(new DirectoryUserView("corp:alice", "corp", "alice", null, null, null, false), "alice-pw".toCharArray()),
                    "nothing to send without an entry DN");
        }
    }

    @Test
    void anAnswerForAnotherEntryIsDroppedAndTheUserFoundIsBoundAsFound() throws Exception {
        startPlain();
        try (LdapDirectory d = directory()) {
            DirectoryUserView before = d.find("alice").orElseThrow();
            server.add("dn: ou=moved," + BASE, "objectClass: organizationalUnit", "ou: moved");
            server.modifyDN(ALICE, "uid=alice", true, "ou=moved," + BASE);
            DirectoryUserView moved = d.find("alice").orElseThrow();
            assertEquals("uid=alice,ou=moved," + BASE, moved.entryDn());
            LdapDirectory.AheadBind stale = d.bindAhead(before, "alice-pw".toCharArray());
            assertNull(stale.verdictFor(moved), "sent for the old entry: no verdict for the moved one");
            assertEquals(new PasswordVerdict.Valid(moved), d.verifyPassword(moved, "alice-pw".toCharArray()));
            DirectoryUserView bob = d.find("bob").orElseThrow();
            assertNull(d.bindAhead(moved, "alice-pw".toCharArray()).verdictFor(bob), "another user found: no verdict");
        }
    }

    @Test
    void droppedAndUnreadBindsGiveTheirConnectionsBack() throws Exception {
        startPlain();
        try (LdapDirectory d = directory()) {
            DirectoryUserView alice = d.find("alice").orElseThrow();
            // more than the connections there are: each must come back, or the checks after them would wait and fail
            for (int i = 0; i < LdapDirectory.MAX_CONNECTIONS * 3; i++) {
                d.bindAhead(alice, "alice-pw".toCharArray()).drop();
            }
            assertEquals(new PasswordVerdict.Valid(alice), d.verifyPassword(alice, "alice-pw".toCharArray()));
        }
    }

    @Test
    void checksRunAtOnceOnSeveralConnections() throws Exception {
        startPlain();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try (LdapDirectory d = directory()) {
            DirectoryUserView alice = d.find("alice").orElseThrow();
            List<Future<PasswordVerdict>> checks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean right = i % 3 != 0;
                checks.add(pool.submit(() -> d.verifyPassword(alice, (right ? "alice-pw" : "nope").toCharArray())));
            }
            for (int i = 0; i < checks.size(); i++) {
                assertEquals(i % 3 != 0 ? new PasswordVerdict.Valid(alice) : new PasswordVerdict.Invalid(), checks.get(i).get(), "check " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void connectionsTheServerClosedAreReplacedWithoutAFailedCheck() throws Exception {
        startPlain();
        try (LdapDirectory d = directory()) {
            DirectoryUserView alice = d.find("alice").orElseThrow();
            assertEquals(new PasswordVerdict.Valid(alice), d.verifyPassword(alice, "alice-pw".toCharArray()));
            server.closeAllConnections(false); // as an idle timeout or a restart does
            assertEquals(new PasswordVerdict.Valid(alice), d.verifyPassword(alice, "alice-pw".toCharArray()));
            server.closeAllConnections(true); // with a notice of disconnection first
            LdapDirectory.AheadBind ahead = d.bindAhead(alice, "alice-pw".toCharArray());
            assertNotNull(ahead);
            assertEquals(new PasswordVerdict.Valid(alice), ahead.verdictFor(alice));
        }
    }

    @Test
    void aServerThatStopsAnsweringIsUnavailableWithinTheTimeout() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // accepts TCP connections into its backlog and never answers a byte
            BindLines lines = new BindLines(List.of("127.0.0.1"), List.of(blackHole.getLocalPort()), javax.net.SocketFactory.getDefault(), null,
                    500, 300, "cn=admin," + BASE, "adminpw", 4);
            long start = System.nanoTime();
            LDAPException e = org.junit.jupiter.api.Assertions.assertThrows(LDAPException.class, lines::openOne);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ResultCode.CONNECT_ERROR, e.getResultCode());
            assertTrue(e.getMessage().contains("127.0.0.1:" + blackHole.getLocalPort()), e.getMessage());
            assertTrue(millis >= 250 && millis < 2000, "took " + millis + " ms");
            lines.close();
        }
    }

    @Test
    void aRefusedServiceAccountIsReportedAsSuch() throws Exception {
        startPlain();
        BindLines lines = new BindLines(List.of("127.0.0.1"), List.of(server.getListenPort()), javax.net.SocketFactory.getDefault(), null,
                1000, 1000, "cn=admin," + BASE, "not-the-password", 4);
        LDAPException e = org.junit.jupiter.api.Assertions.assertThrows(LDAPException.class, lines::openOne);
        assertEquals(ResultCode.INVALID_CREDENTIALS, e.getResultCode());
        assertTrue(e.getMessage().contains("refused the service account"), e.getMessage());
        lines.close();
    }

    @Test
    void ldapsAndStartTlsCarryTheBindsOverTls() throws Exception {
        Path keyStore = dir.resolve("server.p12");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultCode made = ManageCertificates.main(InputStream.nullInputStream(), out, out, "generate-self-signed-certificate",
                "--keystore", keyStore.toString(), "--keystore-password", "storepw", "--keystore-type", "PKCS12", "--alias", "server",
                "--subject-dn", "CN=localhost", "--days-valid", "2", "--key-algorithm", "EC", "--key-size-bits", "256",
                "--signature-algorithm", "SHA256withECDSA");
        assertEquals(ResultCode.SUCCESS, made, out::toString);
        Path trustStore = trustStoreOf(keyStore);
        SSLUtil serverSsl = new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), "storepw".toCharArray(), "PKCS12", "server"),
                new TrustAllTrustManager());

        start(InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                serverSsl.createSSLServerSocketFactory(), null));
        try (LdapDirectory d = directory("LDAPS", trustStore.toString(), List.of(server.getListenPort()), 2000)) {
            DirectoryUserView alice = d.find("alice").orElseThrow();
            assertEquals(new PasswordVerdict.Valid(alice), d.verifyPassword(alice, "alice-pw".toCharArray()));
            assertEquals(new PasswordVerdict.Valid(alice), d.bindAhead(alice, "alice-pw".toCharArray()).verdictFor(alice));
            assertEquals(new PasswordVerdict.Invalid(), d.verifyPassword(alice, "wrong".toCharArray()));
        }
        server.shutDown(true);

        // StartTLS is answered by the listener itself, before any interceptor: the server's TLS layer counts it
        start(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, counting(serverSsl.createSSLSocketFactory())));
        int before = startTls.get();
        try (LdapDirectory d = directory("STARTTLS", trustStore.toString(), List.of(server.getListenPort()), 2000)) {
            int afterConnecting = startTls.get();
            // one StartTLS for the search pool's first connection, one for the first bind connection
            assertEquals(before + 2, afterConnecting);
            DirectoryUserView alice = d.find("alice").orElseThrow();
            assertEquals(new PasswordVerdict.Valid(alice), d.verifyPassword(alice, "alice-pw".toCharArray()));
            assertEquals(new PasswordVerdict.Invalid(), d.bindAhead(alice, "wrong".toCharArray()).verdictFor(alice));
        }

        // a certificate the trust store does not hold: no connection, no bind
        Path otherStore = dir.resolve("other.jks");
        KeyStore empty = KeyStore.getInstance("JKS");
        empty.load(null, null);
        try (OutputStream o = Files.newOutputStream(otherStore)) {
            empty.store(o, "changeit".toCharArray());
        }
        LDAPException refused = org.junit.jupiter.api.Assertions.assertThrows(LDAPException.class,
                () -> directory("STARTTLS", otherStore.toString(), List.of(server.getListenPort()), 2000).close());
        assertNotNull(refused.getResultCode());
    }

    /** The server's StartTLS layer, counting the connections it turns to TLS. */
    private SSLSocketFactory counting(SSLSocketFactory tls) {
        return new SSLSocketFactory() {
            @Override
            public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
                startTls.incrementAndGet();
                return tls.createSocket(plain, host, port, autoClose);
            }

            @Override
            public String[] getDefaultCipherSuites() {
                return tls.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return tls.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return tls.createSocket(host, port);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return tls.createSocket(host, port, local, localPort);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return tls.createSocket(host, port);
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
                return tls.createSocket(host, port, local, localPort);
            }
        };
    }

    private Path trustStoreOf(Path keyStore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, "storepw".toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("JKS");
        trust.load(null, null);
        trust.setCertificateEntry("server", keys.getCertificate("server"));
        Path path = dir.resolve("trust.jks");
        try (OutputStream o = Files.newOutputStream(path)) {
            trust.store(o, "changeit".toCharArray());
        }
        return path;
    }
}
