package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.delivery.MailSecurity;
import org.countersign.api.delivery.MailServerSettings;
import org.countersign.api.delivery.MailService;
import org.countersign.api.directory.DirectoryService;
import org.countersign.api.directory.LdapDirectorySettings;
import org.countersign.api.settings.SettingScope;
import org.countersign.api.settings.SettingsService;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.token.TokenService;
import org.countersign.api.token.TokenStatus;
import org.countersign.api.user.DirectorySyncService;
import org.countersign.api.user.TokenFilter;
import org.countersign.api.user.TokenTypeChoice;
import org.countersign.api.user.UserAdminException;
import org.countersign.api.user.UserAdminService;
import org.countersign.api.user.UserDetail;
import org.countersign.api.user.UserPage;
import org.countersign.api.user.UserQuery;
import org.countersign.api.user.UserSort;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The helpdesk's user service on the real database, and the directory-sync job against a real slapd. */
@ExtendWith(ArquillianExtension.class)
class UserAdminServiceIT {

    private static final String HELPDESK = "it-helpdesk";

    @Deployment
    static EnterpriseArchive deployment() throws URISyntaxException {
        File greenMail = new File(GreenMail.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "countersign-it.war").addClasses(UserAdminServiceIT.class, Slapd.class)
                .addAsLibrary(greenMail)
                // GreenMail's mail store uses Angus Mail classes, which WildFly has as a module
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: org.eclipse.angus.mail\n"));
        return Deployments.earWithInContainerTests(tests);
    }

    @EJB
    private UserAdminService users;

    @EJB
    private DirectorySyncService sync;

    @EJB
    private DirectoryService directories;

    @EJB
    private TokenService tokens;

    @EJB
    private AuditService audit;

    @EJB
    private MailService mail;

    @EJB
    private SettingsService settings;

    @Test
    void helpdeskActionsOnABuiltInUserAreCheckedAndAudited() throws Exception {
        String login = "helpdesk-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = directories.createInternalUser(login, "Hanna Helpdesk", "Password-123".toCharArray(), null, null, "it").userId();

        UserPage found = users.search(UserQuery.text("HANNA " + login.substring(9), 25));
        assertEquals(List.of(userId), found.rows().stream().map(r -> r.userId()).toList(), "created users are in the index at once");
        assertFalse(found.rows().get(0).twoFactorEnabled());

        UserAdminException off = assertThrows(UserAdminException.class, () -> users.issueTemporaryCode(userId, 3, 5, HELPDESK));
        assertTrue(off.getMessage().contains("two factors"), off.getMessage());
        assertTrue(users.setTwoFactor(userId, true, HELPDESK).user().twoFactorEnabled());
        assertEquals(userId, users.search(new UserQuery(login, null, true, TokenFilter.ANY, 0, 10, UserSort.LOGIN, false)).rows().get(0).userId());

        Set<String> offered = users.tokenTypes().stream().map(TokenTypeChoice::id).collect(Collectors.toSet());
        assertTrue(offered.containsAll(Set.of("totp", "hotp", "sms", "email")), offered.toString());
        assertFalse(offered.contains("temporary"), "a temporary code is issued, never chosen");
        assertEquals("tokenType", assertThrows(UserAdminException.class, () -> users.chooseTokenType(userId, "temporary", HELPDESK)).field());
        assertEquals("sms", users.chooseTokenType(userId, "sms", HELPDESK).user().tokenType());

        assertEquals("mobile", assertThrows(UserAdminException.class, () -> users.updateContact(userId, "12", null, HELPDESK)).field());
        assertEquals("mail", assertThrows(UserAdminException.class, () -> users.sendEnrolment(userId, HELPDESK)).field(),
                "no e-mail address yet");
        UserDetail updated = users.updateContact(userId, "+44 7700 900123", "Hanna@Example.ORG", HELPDESK);
        assertEquals("+44 7700 900123", updated.user().mobile());
        assertEquals("Hanna@example.org", updated.user().mail());
        assertEquals("+44 7700 900123", directories.findUser(login).orElseThrow().mobile(), "written to the directory");
        // with the login too: a rerun on the same database holds earlier runs' users with this number
        assertEquals(List.of(userId), users.search(UserQuery.text("7700900123 " + login, 10)).rows().stream().map(r -> r.userId()).toList(),
                "found by the new number");

        String code = users.issueTemporaryCode(userId, 3, 5, HELPDESK);
        assertTrue(code.matches("[0-9]{8}"), "an 8-digit code");
        assertEquals("ACTIVE", users.find(userId).orElseThrow().user().tokenState());

        assertThrows(UserAdminException.class, () -> users.unlock(userId, HELPDESK), "nothing is locked yet");
        AttemptSource source = new AttemptSource("it", "it", null);
        for (int i = 0; i < 12 && tokens.tokensOf(userId).stream().noneMatch(t -> t.status() == TokenStatus.LOCKED); i++) {
            tokens.verify(userId, code.equals("00000000") ? "11111111" : "00000000", source);
        }
        assertEquals(userId, users.search(new UserQuery(login, null, null, TokenFilter.LOCKED, 0, 10, null, false)).rows().get(0).userId());
        UserDetail unlocked = users.unlock(userId, HELPDESK);
        assertEquals("ACTIVE", unlocked.user().tokenState());
        assertTrue(tokens.verify(userId, code, source).accepted(), "the temporary code works after the unlock");

        // no mail server stored: the server's mail session (localhost:25, where nothing listens) refuses, and no code is kept
        UserAdminException unsent = assertThrows(UserAdminException.class, () -> users.sendEnrolment(userId, HELPDESK));
        assertTrue(unsent.getMessage().contains("could not be sent"), unsent.getMessage());
        assertNull(users.find(userId).orElseThrow().enrolmentExpiresAt(), "a message that cannot be sent leaves no code");

        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            mail.configure(new MailServerSettings("127.0.0.1", smtp.getSmtp().getPort(), MailSecurity.NONE, null, "Countersign IT <it@it.example>"),
                    new char[0], "it-admin");
            settings.put("portal.url.enrol", "https://2fa.it.example/secenrol", SettingScope.GLOBAL);
            UserDetail invited = users.sendEnrolment(userId, HELPDESK);
            assertNotNull(invited.enrolmentExpiresAt());
            assertTrue(smtp.waitForIncomingEmail(10_000, 1));
            MimeMessage message = smtp.getReceivedMessages()[0];
            assertEquals("Hanna@example.org", message.getAllRecipients()[0].toString());
            String body = GreenMailUtil.getBody(message);
            Matcher enrolmentCode = Pattern.compile("\\b[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}\\b").matcher(body);
            assertTrue(body.contains("https://2fa.it.example/secenrol") && enrolmentCode.find(), body);
            String sent = enrolmentCode.group();
            assertTrue(audit.latest(userId, 50).stream().noneMatch(r -> r.toString().contains(sent)), "the enrolment code is not audited");
            assertTrue(audit.latest(userId, 50).stream().anyMatch(r -> r.category().equals("mail.enrolment") && HELPDESK.equals(r.actor())));
        } finally {
            settings.put("portal.url.enrol", "", SettingScope.GLOBAL);
            mail.useServerMailSession("it-admin");
            smtp.stop();
        }

        UserDetail disabled = users.setTwoFactor(userId, false, HELPDESK);
        assertFalse(disabled.user().twoFactorEnabled());
        assertTrue(disabled.tokens().stream().noneMatch(t -> t.status() == TokenStatus.ACTIVE), "switching off disables the tokens");

        List<AuditRecord> trail = audit.latest(userId, 100);
        Set<String> categories = trail.stream().filter(r -> HELPDESK.equals(r.actor())).map(AuditRecord::category).collect(Collectors.toSet());
        assertTrue(categories.containsAll(Set.of("user.two-factor.enable", "user.token-type", "directory.contact.update", "token.temporary.issue",
                "token.unlock", "user.enrolment.send", "mail.enrolment", "user.two-factor.disable", "token.disable")), categories.toString());
        assertTrue(trail.stream().noneMatch(r -> String.valueOf(r.detail()).contains(code)), "the code is never in the audit trail");
        assertThrows(UserAdminException.class, () -> users.setTwoFactor(userId, true, " "), "an action needs an actor");
    }

    @Test
    void directorySyncCopiesTenThousandLdapUsersIntoTheIndex() throws Exception {
        String name = "it-sync-" + UUID.randomUUID().toString().substring(0, 6);
        Path dir = Path.of(System.getProperty("jboss.server.temp.dir"), name);
        try (Slapd slapd = Slapd.start(dir, 10_000)) {
            String id = directories.addLdapDirectory(new LdapDirectorySettings(name, "OPENLDAP", List.of("127.0.0.1:" + slapd.port()), "NONE",
                    null, 1000, 5000, Slapd.BASE_DN, Slapd.ADMIN_DN, Slapd.ADMIN_PASSWORD, null, null, null, null, null, null, List.of(), null),
                    "it-admin");
            try {
                assertEquals(0, users.search(new UserQuery(null, id, null, null, 0, 10, null, false)).total());
                long execution = sync.start(id, "it-admin");
                BatchStatus status = null;
                for (int i = 0; i < 600; i++) {
                    status = BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
                    if (status == BatchStatus.COMPLETED || status == BatchStatus.FAILED || status == BatchStatus.ABANDONED) {
                        break;
                    }
                    Thread.sleep(200);
                }
                assertEquals(BatchStatus.COMPLETED, status);

                UserPage all = users.search(new UserQuery(null, id, null, null, 0, 25, UserSort.LOGIN, false));
                assertTrue(all.capped(), "10,000 users counted up to the limit");
                assertEquals(UserAdminService.COUNT_LIMIT, all.total());
                assertEquals(id + ":user00000", all.rows().get(0).userId());
                UserPage last = users.search(new UserQuery(null, id, null, null, 0, 1, UserSort.LOGIN, true));
                assertEquals(id + ":user09999", last.rows().get(0).userId(), "the last page of the directory arrived");
                UserPage some = users.search(new UserQuery("user0424", id, null, null, 0, 25, null, false));
                assertEquals(10, some.total());
                assertEquals("user04242@example.org", some.rows().get(2).mail());
                assertEquals("User 4242", some.rows().get(2).displayName());
                assertNotEquals(null, some.rows().get(2).mobile());

                long again = sync.start(id, "it-admin");
                for (int i = 0; i < 600 && BatchRuntime.getJobOperator().getJobExecution(again).getBatchStatus() != BatchStatus.COMPLETED; i++) {
                    Thread.sleep(200);
                }
                assertEquals("COMPLETED missing=0", BatchRuntime.getJobOperator().getJobExecution(again).getExitStatus(),
                        "a second run finds everyone again");
            } finally {
                directories.removeLdapDirectory(id, "it-admin");
            }
            assertEquals(0, users.search(new UserQuery(null, id, null, null, 0, 10, null, false)).total(), "a removed directory's users leave the index");
            assertEquals(0, users.search(UserQuery.text("user04242@example", 10)).rows().stream().filter(r -> r.directoryId().equals(id)).count());
        }
    }
}
