package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import jakarta.ejb.EJB;
import java.net.InetAddress;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.directory.DirectoryService;
import org.countersign.api.directory.LdapDirectorySettings;
import org.countersign.api.radius.RadiusClientService;
import org.countersign.api.radius.RadiusClientSettings;
import org.countersign.api.radius.RadiusClientView;
import org.countersign.api.radius.ReplyAttribute;
import org.countersign.api.settings.SettingScope;
import org.countersign.api.settings.SettingsService;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.token.SoftTokenEnrolment;
import org.countersign.api.token.SoftTokenParameters;
import org.countersign.api.token.TokenService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a VPN concentrator does to a RADIUS server, and what a forger tries: retransmissions while the first copy is
 * still being worked on (one bind, one SMS), challenge States that are expired, of another user or from another
 * client, missing or wrong Message-Authenticator, the RFC 2865 section 7.1 exchange, and reply attributes by group.
 * radclient against the running server; an LDAP directory (UnboundID, in the server's JVM) that counts and slows
 * binds; the SMS gateway is {@link SmsGatewayServlet}, reached over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class RadiusDefencesIT {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String BASE_DN = "dc=example,dc=com";
    private static final String SERVICE_DN = "cn=countersign,dc=example,dc=com";
    private static final String SERVICE_PASSWORD = "service-pw-9";
    private static final String ADMINS_DN = "cn=VPN-Admins,ou=groups," + BASE_DN;
    private static final long SLOW_BIND_MILLIS = 1600;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithInContainerTests(RadiusDefencesIT.class, Radclient.class, Radclient.Result.class, TokenServiceIT.class,
                UdpProbe.class, SmsGatewayServlet.class, SmsGatewayServlet.Sms.class);
    }

    @EJB
    private DirectoryService directories;

    @EJB
    private TokenService tokens;

    @EJB
    private RadiusClientService clients;

    @EJB
    private SettingsService settings;

    @EJB
    private AuditService audit;

    private final Map<String, AtomicInteger> binds = new ConcurrentHashMap<>();
    private volatile String slowDn = "";
    private InMemoryDirectoryServer ldap;
    private String directoryId;
    private RadiusClientView local;
    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void directoryAndGateway() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setSchema(null);
        config.addAdditionalBindCredentials(SERVICE_DN, SERVICE_PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                String dn = request.getRequest().getBindDN().toLowerCase(Locale.ROOT);
                binds.computeIfAbsent(dn, d -> new AtomicInteger()).incrementAndGet();
                if (dn.equals(slowDn)) {
                    try {
                        Thread.sleep(SLOW_BIND_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        ldap = new InMemoryDirectoryServer(config);
        ldap.startListening();
        ldap.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: example");
        ldap.add("dn: ou=people," + BASE_DN, "objectClass: organizationalUnit", "ou: people");
        directoryId = directories.addLdapDirectory(new LdapDirectorySettings("it-defences-" + tag, "OPENLDAP",
                List.of("127.0.0.1:" + ldap.getListenPort()), "NONE", null, 1000, 5000, BASE_DN, SERVICE_DN, SERVICE_PASSWORD,
                null, null, null, null, null, null, List.of(), null), "it");
        settings.put("sms.gateway.url", SmsGatewayServlet.urlTemplate(), SettingScope.GLOBAL);
        SmsGatewayServlet.delayMillis = 0;
        local = clients.list().stream().filter(c -> c.network().equals("127.0.0.1")).findFirst().orElseThrow();
    }

    @AfterEach
    void restore() throws InterruptedException {
        try {
            directories.removeLdapDirectory(directoryId, "it");
        } finally {
            ldap.shutDown(true);
            SmsGatewayServlet.delayMillis = 0;
            settings.put("auth.allow-password-only", "false", SettingScope.GLOBAL);
            settings.put("auth.challenge-seconds", "120", SettingScope.GLOBAL);
            client(new RadiusClientSettings(local.name(), "127.0.0.1", secret(), "PASSWORD_AND_PASSCODE", true, false, List.of()));
        }
    }

    private static String secret() {
        return System.getProperty("countersign.seed.localhost-radius-secret");
    }

    /** Changes the client 127.0.0.1 and waits for the listener's next client-table refresh (1 s in the system tests). */
    private void client(RadiusClientSettings changed) throws InterruptedException {
        local = clients.update(local.id(), changed, "it");
        Thread.sleep(2500);
    }

    private void mode(String mode, List<ReplyAttribute> replies) throws InterruptedException {
        client(new RadiusClientSettings(local.name(), "127.0.0.1", null, mode, true, false, replies));
    }

    private String ldapUser(String login, String mobile, String... groups) throws Exception {
        String dn = "uid=" + login + ",ou=people," + BASE_DN;
        List<String> lines = new java.util.ArrayList<>(List.of("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + login, "cn: " + login,
                "sn: Tester", "userPassword: " + PASSWORD, "mobile: " + mobile, "mail: " + login + "@example.com"));
        for (String group : groups) {
            lines.add("memberOf: " + group);
        }
        ldap.add(lines.toArray(String[]::new));
        return dn.toLowerCase(Locale.ROOT);
    }

    private int bindsOf(String dn) {
        return Optional.ofNullable(binds.get(dn)).map(AtomicInteger::get).orElse(0);
    }

    private static Radclient.Result auth(String login, String password, String state) {
        return Radclient.send("auth", "User-Name = \"" + login + "\", User-Password = \"" + password + "\", Message-Authenticator = 0x00"
                + (state == null ? "" : ", State = " + state) + "\n", secret());
    }

    /** Sends with radclient retransmitting every second, up to three times. */
    private static Radclient.Result authRetransmitting(String login, String password) {
        return Radclient.send("auth", "User-Name = \"" + login + "\", User-Password = \"" + password + "\", Message-Authenticator = 0x00\n",
                secret(), 3, 1);
    }

    private static int sends(Radclient.Result result) {
        Matcher m = Pattern.compile("Sent Access-Request").matcher(result.output());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String codeIn(String text) {
        Matcher m = Pattern.compile("\\b(\\d{6,8})\\b").matcher(text);
        assertTrue(m.find(), "no passcode in the SMS: " + text);
        return m.group(1);
    }

    private String activeTotp(String userId, String login) {
        SoftTokenEnrolment enrolment = tokens.enrolSoftToken(userId, "totp", login, SoftTokenParameters.defaults());
        byte[] seed = TokenServiceIT.seedOf(enrolment.keyUri());
        long step = Instant.now().getEpochSecond() / 30 - 1;
        assertTrue(tokens.activate(enrolment.token().id(), TokenServiceIT.hotp(seed, step), new AttemptSource("it", "it", null)).accepted());
        return TokenServiceIT.hotp(seed, step + 1);
    }

    private boolean audited(String login, String reasonStart) {
        return audit.latest(null, 200).stream().filter(r -> login.equals(r.actor()) && r.reason() != null)
                .map(AuditRecord::reason).anyMatch(r -> r.startsWith(reasonStart));
    }

    @Test
    void retransmissionDuringTheChallengeCausesOneBindOneSmsAndGroupAttributesFollowTheAccept() throws Exception {
        String login = "sms-" + tag;
        String mobile = "+4477009" + String.format("%05d", Math.abs(tag.hashCode()) % 100000);
        String dn = ldapUser(login, mobile, ADMINS_DN);
        String userId = directories.findUser(login).orElseThrow().userId();
        tokens.enrolServerCodeToken(userId, "sms");
        mode("CHALLENGE", List.of(new ReplyAttribute("Class", "staff", null), new ReplyAttribute("Filter-Id", "admins-acl", "vpn-admins"),
                new ReplyAttribute("Filter-Id", "users-acl", "cn=vpn-users,ou=groups," + BASE_DN)));
        slowDn = dn;
        SmsGatewayServlet.delayMillis = 600;

        Radclient.Result challenge = authRetransmitting(login, PASSWORD);

        assertTrue(challenge.received("Access-Challenge"), challenge.output());
        assertTrue(sends(challenge) >= 2, "radclient should have retransmitted while the bind was slow:\n" + challenge.output());
        assertEquals(1, bindsOf(dn), "one password check for the request and its retransmissions");
        List<SmsGatewayServlet.Sms> sms = SmsGatewayServlet.to(mobile);
        assertEquals(1, sms.size(), "exactly one SMS: " + SmsGatewayServlet.RECEIVED);

        slowDn = "";
        Radclient.Result accept = auth(login, codeIn(sms.get(0).text()), challenge.attribute("State"));
        assertTrue(accept.received("Access-Accept"), accept.output());
        assertTrue(accept.output().contains("Class = 0x" + HexFormat.of().formatHex("staff".getBytes())), accept.output());
        assertTrue(accept.output().contains("Filter-Id = \"admins-acl\""), accept.output());
        assertFalse(accept.output().contains("users-acl"), "an attribute for another group: " + accept.output());
        assertEquals(1, bindsOf(dn), "answering the challenge checks no password");
        assertEquals(1, SmsGatewayServlet.to(mobile).size());
    }

    @Test
    void retransmissionOfAOneFieldLoginCausesOneBindAndOneVerification() throws Exception {
        String login = "one-" + tag;
        String dn = ldapUser(login, "+447700900001");
        String code = activeTotp(directories.findUser(login).orElseThrow().userId(), login);
        mode("PASSWORD_AND_PASSCODE", List.of());
        slowDn = dn;

        Radclient.Result result = authRetransmitting(login, PASSWORD + code);

        assertTrue(result.received("Access-Accept"), "a retransmission must not be refused as a replay of its own first copy:\n" + result.output());
        assertTrue(sends(result) >= 2, "radclient should have retransmitted while the bind was slow:\n" + result.output());
        assertEquals(1, bindsOf(dn));
        assertFalse(audited(login, "passcode REPLAYED"), "the retransmission was verified a second time");
    }

    @Test
    void aStateIsRefusedForAnotherUserFromAnotherClientOrAfterItExpired() throws Exception {
        String alice = "alice-" + tag;
        String bob = "bob-" + tag;
        ldapUser(alice, "+447700900002");
        ldapUser(bob, "+447700900003");
        String aliceCode = activeTotp(directories.findUser(alice).orElseThrow().userId(), alice);
        String bobCode = activeTotp(directories.findUser(bob).orElseThrow().userId(), bob);
        mode("CHALLENGE", List.of());
        String otherSecret = "It-Other-Secret-" + tag + "-x9";
        RadiusClientView other = clients.add(new RadiusClientSettings("it-other-" + tag, "127.0.0.2", otherSecret, "CHALLENGE", true, false), "it");
        try {
            Thread.sleep(2500);
            String aliceState = auth(alice, PASSWORD, null).attribute("State");
            assertNotNull(aliceState);
            assertTrue(auth(bob, bobCode, aliceState).received("Access-Reject"), "Alice's State answered by Bob");
            assertTrue(audited(bob, "challenge state of another user"));

            String bobState = auth(bob, PASSWORD, null).attribute("State");
            byte[] fromOtherClient = UdpProbe.accessRequest(bob, bobCode, HexFormat.of().parseHex(bobState.substring(2)), otherSecret, false);
            Optional<byte[]> answer = UdpProbe.exchange("127.0.0.2", Integer.getInteger("countersign.radius.auth-port"), fromOtherClient, 3000);
            assertTrue(answer.isPresent(), "the other client is known and gets an answer");
            assertEquals(3, UdpProbe.code(answer.get()), "Access-Reject for a State issued to another client");
            assertTrue(audited(bob, "challenge state of another clien"));
            assertTrue(auth(bob, bobCode, bobState).received("Access-Reject"), "a State tried from the wrong client is spent");

            settings.put("auth.challenge-seconds", "10", SettingScope.GLOBAL);
            String expiring = auth(alice, PASSWORD, null).attribute("State");
            Thread.sleep(10_500);
            assertTrue(auth(alice, aliceCode, expiring).received("Access-Reject"), "an expired State");
            assertTrue(audited(alice, "challenge state expired"));
        } finally {
            clients.delete(other.id(), "it");
        }
    }

    @Test
    void missingOrWrongMessageAuthenticatorIsDroppedWhereRequired() throws Exception {
        String login = "ma-" + tag;
        directories.createInternalUser(login, "MA Tester", PASSWORD.toCharArray(), null, null, "it");
        int port = Integer.getInteger("countersign.radius.auth-port");
        Radclient.Result without = Radclient.send("auth", "User-Name = \"" + login + "\", User-Password = \"" + PASSWORD + "\"\n", secret());
        assertFalse(without.output().contains("Received "), "no Message-Authenticator, client requires one:\n" + without.output());
        assertTrue(UdpProbe.exchange("127.0.0.1", port, UdpProbe.accessRequest(login, PASSWORD, null, secret(), true), 1500).isEmpty(),
                "a wrong Message-Authenticator is dropped");
        Optional<byte[]> valid = UdpProbe.exchange("127.0.0.1", port, UdpProbe.accessRequest(login, PASSWORD, null, secret(), false), 3000);
        assertTrue(valid.isPresent(), "the same request with a valid Message-Authenticator is answered");
    }

    @Test
    void theExchangeOfRfc2865Section71() throws Exception {
        // RFC 2865 section 7.1: NAS 192.168.1.16 port 3, user nemo, password arctangent, secret xyzzy5461; the answer is
        // Access-Accept with Service-Type Login-User, Login-Service Telnet, Login-IP-Host 192.168.1.3. The NAS of 1997 sends
        // no Message-Authenticator, so the client is one that does not require it.
        if (directories.findUser("nemo").isEmpty()) {
            directories.createInternalUser("nemo", "Nemo", "arctangent".toCharArray(), null, null, "it");
        }
        settings.put("auth.allow-password-only", "true", SettingScope.GLOBAL);
        client(new RadiusClientSettings(local.name(), "127.0.0.1", "xyzzy5461", "PASSWORD_AND_PASSCODE", false, false,
                List.of(new ReplyAttribute("Service-Type", "Login-User", null), new ReplyAttribute("Login-Service", "0", null),
                        new ReplyAttribute("Login-IP-Host", "192.168.1.3", null))));

        Radclient.Result result = Radclient.send("auth",
                "User-Name = \"nemo\", User-Password = \"arctangent\", NAS-IP-Address = 192.168.1.16, NAS-Port = 3\n", "xyzzy5461");

        assertTrue(result.received("Access-Accept"), result.output());
        assertTrue(result.output().contains("Service-Type = Login-User"), result.output());
        assertTrue(result.output().contains("Login-Service = Telnet"), result.output());
        assertTrue(result.output().contains("Login-IP-Host = 192.168.1.3"), result.output());
        assertTrue(result.output().contains("Message-Authenticator = "), "every reply carries Message-Authenticator:\n" + result.output());
        Radclient.Result wrongPassword = Radclient.send("auth", "User-Name = \"nemo\", User-Password = \"arctangenT\", NAS-Port = 3\n", "xyzzy5461");
        assertTrue(wrongPassword.received("Access-Reject"), wrongPassword.output());
    }
}
