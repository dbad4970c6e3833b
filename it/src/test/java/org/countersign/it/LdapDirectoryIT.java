package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.countersign.api.directory.DirectoryConfigurationException;
import org.countersign.api.directory.DirectoryService;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.user.UserAdminService;
import org.countersign.api.user.UserQuery;
import org.countersign.api.directory.LdapDirectorySettings;
import org.countersign.api.directory.PasswordVerdict;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.token.SoftTokenEnrolment;
import org.countersign.api.token.SoftTokenParameters;
import org.countersign.api.token.TokenService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real OpenLDAP slapd with 10,000 users, connected as a directory of the running server:
 * password checks, injection, a RADIUS login with an LDAP password and a TOTP code, and failing
 * closed when slapd stops.
 */
@ExtendWith(ArquillianExtension.class)
class LdapDirectoryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithInContainerTests(LdapDirectoryIT.class, Slapd.class, Radclient.class, Radclient.Result.class, TokenServiceIT.class);
    }

    @EJB
    private DirectoryService directories;

    @EJB
    private TokenService tokens;

    @EJB
    private UserAdminService users;

    private static LdapDirectorySettings settings(String name, int port, String password) {
        return new LdapDirectorySettings(name, "OPENLDAP", List.of("127.0.0.1:" + port), "NONE", null, 1000, 2000, Slapd.BASE_DN,
                Slapd.ADMIN_DN, password, null, null, null, null, null, "EXAMPLE", List.of("example.org"), null);
    }

    /** The stored settings with longer timeouts and the given service password ({@code null} keeps it). */
    private static LdapDirectorySettings slower(LdapDirectorySettings s, String password) {
        return new LdapDirectorySettings(s.name(), s.flavor(), s.servers(), s.security(), s.trustStore(), 1500, 2500, s.baseDn(), s.bindDn(),
                password, s.loginAttribute(), s.userObjectFilter(), s.mobileAttribute(), s.mailAttribute(), s.tokenAttribute(), s.netbiosName(),
                s.upnSuffixes(), s.twoFactorGroupDn());
    }

    private String directoryId;

    @Test
    void slapdWithTenThousandUsersChecksPasswordsAndFailsClosedWhenStopped() throws Exception {
        String name = "it-slapd-" + UUID.randomUUID().toString().substring(0, 6);
        Path dir = Path.of(System.getProperty("jboss.server.temp.dir"), name);
        try (Slapd slapd = Slapd.start(dir, 10_000)) {
            DirectoryConfigurationException refused = assertThrows(DirectoryConfigurationException.class,
                    () -> directories.addLdapDirectory(settings(name, slapd.port(), "not-the-password"), "it-admin"));
            assertTrue(refused.getMessage().contains("cannot connect"), refused.getMessage());
            String id = directories.addLdapDirectory(settings(name, slapd.port(), Slapd.ADMIN_PASSWORD), "it-admin");
            directoryId = id;

            assertEquals(List.of("OK"), directories.testConnection(id).stream().map(r -> r.outcome()).toList());

            // read back for a form (never the password), changed in place; a change that cannot connect changes nothing
            LdapDirectorySettings stored = directories.ldapDirectory(id).orElseThrow();
            assertEquals(List.of("127.0.0.1:" + slapd.port()), stored.servers());
            assertEquals(Slapd.ADMIN_DN, stored.bindDn());
            assertNull(stored.bindPassword(), "the service password is never read back");
            assertThrows(DirectoryConfigurationException.class, () -> directories.updateLdapDirectory(id, slower(stored, "not-the-password"), "it-admin"));
            assertEquals(stored, directories.ldapDirectory(id).orElseThrow(), "a refused change left the directory as it was");
            directories.updateLdapDirectory(id, slower(stored, null), "it-admin");
            assertEquals(2500, directories.ldapDirectory(id).orElseThrow().responseTimeoutMillis());
            assertEquals(List.of("OK"), directories.testConnection(id).stream().map(r -> r.outcome()).toList(), "the stored password was kept");
            assertEquals("+447000099999", directories.updateContact(id + ":user04242", "+447000099999", null, "it-helpdesk").mobile());

            PasswordVerdict valid = directories.verifyPassword("user04242", "pass04242".toCharArray());
            DirectoryUserView user = assertInstanceOf(PasswordVerdict.Valid.class, valid).user();
            assertEquals(id + ":user04242", user.userId());
            assertEquals("user04242@example.org", user.mail());
            assertEquals(new PasswordVerdict.Invalid(), directories.verifyPassword("user04242", "pass04243".toCharArray()));
            assertEquals(new PasswordVerdict.Invalid(), directories.verifyPassword("user99999", "pass04242".toCharArray()));
            assertEquals(new PasswordVerdict.Invalid(), directories.verifyPassword("user04242", "  ".toCharArray()));
            for (String login : List.of("*", "user0*", "user04242)(uid=*", ")(objectClass=*", "user04242\u0000")) {
                assertEquals(new PasswordVerdict.Invalid(), directories.verifyPassword(login, "pass04242".toCharArray()), login);
                assertTrue(directories.findUser(login).isEmpty(), login);
            }

            // a lookup copies a user it finds into the index (the record written in a transaction of its own)
            assertTrue(users.search(new UserQuery("user05555", id, null, null, 0, 10, null, false)).rows().isEmpty());
            assertEquals(id + ":user05555", directories.findUser("user05555").orElseThrow().userId());
            assertEquals(List.of(id + ":user05555"), users.search(new UserQuery("user05555", id, null, null, 0, 10, null, false)).rows().stream()
                    .map(r -> r.userId()).toList(), "found by a lookup: in the index, by its search terms");

            // the same login in two directories is refused, unless the login names its directory
            String twin = "user0" + (1000 + (int) (Math.random() * 8000));
            directories.createInternalUser(twin, "decoy", "Decoy-Password-1".toCharArray(), null, null, "it");
            assertEquals(new PasswordVerdict.Invalid(), directories.verifyPassword(twin, ("pass" + twin.substring(4)).toCharArray()),
                    "found in the built-in directory and in LDAP: refused, never first hit wins");
            assertTrue(directories.findUser(twin).isEmpty());
            assertInstanceOf(PasswordVerdict.Valid.class, directories.verifyPassword("EXAMPLE\\" + twin, ("pass" + twin.substring(4)).toCharArray()));
            assertInstanceOf(PasswordVerdict.Valid.class, directories.verifyPassword(twin + "@example.org", ("pass" + twin.substring(4)).toCharArray()));
            assertEquals(new PasswordVerdict.Invalid(), directories.verifyPassword("OTHERDOMAIN\\" + twin, ("pass" + twin.substring(4)).toCharArray()));

            SoftTokenEnrolment enrolment = tokens.enrolSoftToken(user.userId(), "totp", "user04242", SoftTokenParameters.defaults());
            byte[] seed = TokenServiceIT.seedOf(enrolment.keyUri());
            long step = Instant.now().getEpochSecond() / 30 - 1;
            assertTrue(tokens.activate(enrolment.token().id(), TokenServiceIT.hotp(seed, step), new AttemptSource("it", "it", null)).accepted());
            Radclient.Result login = Radclient.send("auth", "User-Name = \"user04242\", User-Password = \"pass04242"
                    + TokenServiceIT.hotp(seed, step + 1) + "\", Message-Authenticator = 0x00\n", System.getProperty("countersign.seed.localhost-radius-secret"));
            assertTrue(login.received("Access-Accept"), login.output());
        }
        try {
            long start = System.nanoTime();
            PasswordVerdict down = directories.verifyPassword("user04242", "pass04242".toCharArray());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertInstanceOf(PasswordVerdict.Unavailable.class, down, "fails closed with the directory down");
            assertTrue(millis < 5000, "answered in " + millis + " ms");
        } finally {
            directories.removeLdapDirectory(directoryId, "it-admin");
        }
    }
}
