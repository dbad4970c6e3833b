package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.ejb.EJB;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.delivery.EnrolmentMessage;
import org.countersign.api.delivery.MailFailure;
import org.countersign.api.delivery.MailResult;
import org.countersign.api.delivery.MailSecurity;
import org.countersign.api.delivery.MailServerSettings;
import org.countersign.api.delivery.MailService;
import org.countersign.api.directory.DirectoryService;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.settings.SettingsService;
import org.countersign.api.token.AttemptSource;
import org.countersign.api.token.TokenService;
import org.countersign.api.token.TokenView;
import org.countersign.api.token.VerificationOutcome;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * E-mail inside the server: a GreenMail SMTP server started by the test on a free port receives what the real
 * mail service and the e-mail passcode sender send, through the settings an administrator would enter.
 */
@ExtendWith(ArquillianExtension.class)
class MailDeliveryIT {

    private static final AttemptSource SOURCE = new AttemptSource("radius", "it-client", "127.0.0.1");
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

    @Deployment
    static EnterpriseArchive deployment() throws URISyntaxException {
        File greenMail = new File(GreenMail.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "countersign-it.war").addClasses(MailDeliveryIT.class)
                .addAsLibrary(greenMail)
                // GreenMail's mail store uses Angus Mail classes, which WildFly has as a module
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: org.eclipse.angus.mail\n"));
        return Deployments.earWithInContainerTests(tests);
    }

    @EJB
    private MailService mail;

    @EJB
    private TokenService tokens;

    @EJB
    private DirectoryService directories;

    @EJB
    private SettingsService settings;

    @EJB
    private AuditService audit;

    private GreenMail smtp;

    @BeforeEach
    void startSmtpServer() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", "relay-pass-7f3e"));
        smtp.start();
        mail.configure(server(smtp.getSmtp().getPort(), null), new char[0], "it-admin");
    }

    @AfterEach
    void stopSmtpServer() {
        mail.useServerMailSession("it-admin");
        smtp.stop();
    }

    private static MailServerSettings server(int port, String user) {
        return new MailServerSettings("127.0.0.1", port, MailSecurity.NONE, user, "Countersign IT <countersign@it.example>");
    }

    private DirectoryUserView user(String mailAddress) {
        String login = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        return directories.createInternalUser(login, "Mail Tester", "correct horse battery".toCharArray(), null, mailAddress, "it-admin");
    }

    @Test
    void emailPasscodeIssuedByTheTokenServiceArrivesAndIsAcceptedOnce() throws Exception {
        DirectoryUserView user = user("tester@it.example");
        TokenView token = tokens.enrolServerCodeToken(user.userId(), "email");
        tokens.issueCode(token.id(), "radius:" + user.login());

        assertTrue(smtp.waitForIncomingEmail(10_000, 1), "no e-mail arrived");
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertEquals("tester@it.example", message.getAllRecipients()[0].toString());
        assertEquals("countersign@it.example", ((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getAddress());
        assertEquals("Your Countersign passcode", message.getSubject());
        String body = GreenMailUtil.getBody(message);
        assertTrue(body.contains("Hello Mail Tester") && body.contains("valid for 10 minutes"), body);
        Matcher m = SIX_DIGITS.matcher(body);
        assertTrue(m.find(), body);
        String code = m.group(1);

        assertInstanceOf(VerificationOutcome.Accepted.class, tokens.verify(user.userId(), code, "radius:" + user.login(), SOURCE));
        assertFalse(tokens.verify(user.userId(), code, "radius:" + user.login(), SOURCE).accepted(), "the code works once");

        for (AuditRecord r : audit.latest(user.userId(), 50)) {
            assertFalse(r.toString().contains(code), r.toString());
        }
        String log = Files.readString(Path.of(System.getProperty("jboss.server.log.dir"), "server.log"));
        assertFalse(log.contains(code), "the passcode is in server.log");
    }

    @Test
    void templatesFromSettingsShapeThePasscodeMessage() throws Exception {
        settings.put("mail.passcode.subject", "Login code for {user}", org.countersign.api.settings.SettingScope.GLOBAL);
        settings.put("mail.template", "Code: {code} ({minutes} min)", org.countersign.api.settings.SettingScope.GLOBAL);
        try {
            DirectoryUserView user = user("templated@it.example");
            TokenView token = tokens.enrolServerCodeToken(user.userId(), "email");
            tokens.issueCode(token.id(), "b");
            assertTrue(smtp.waitForIncomingEmail(10_000, 1));
            MimeMessage message = smtp.getReceivedMessages()[0];
            assertEquals("Login code for " + user.login(), message.getSubject());
            assertTrue(GreenMailUtil.getBody(message).strip().matches("Code: \\d{6} \\(10 min\\)"), GreenMailUtil.getBody(message));
        } finally {
            settings.put("mail.passcode.subject", "", org.countersign.api.settings.SettingScope.GLOBAL);
            settings.put("mail.template", "", org.countersign.api.settings.SettingScope.GLOBAL);
        }
    }

    @Test
    void userWithoutAnAddressGetsNoCodeAndTheFailureIsAudited() {
        DirectoryUserView user = user(null);
        TokenView token = tokens.enrolServerCodeToken(user.userId(), "email");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> tokens.issueCode(token.id(), "b"));
        assertTrue(String.valueOf(rootMessage(e)).contains("has no e-mail address"), String.valueOf(rootMessage(e)));
        assertTrue(audit.latest(user.userId(), 10).stream().anyMatch(r -> r.category().equals("mail.passcode") && r.outcome().equals("REJECTED")));
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void testMessageArrivesAndFailuresAreNamed() throws IOException {
        MailResult sent = mail.sendTestMessage("admin@it.example", "it-admin");
        assertTrue(sent.sent(), sent.message());
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        assertEquals("Countersign test message", subject(0));

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        MailResult refused = mail.sendTestMessage(server(closed, null), null, "admin@it.example", "it-admin");
        assertEquals(MailFailure.CONNECTION_REFUSED, refused.failure(), refused.message());
        MailResult wrongPassword = mail.sendTestMessage(server(smtp.getSmtp().getPort(), "relay"), "not-it".toCharArray(), "admin@it.example",
                "it-admin");
        assertEquals(MailFailure.AUTH_FAILED, wrongPassword.failure(), wrongPassword.message());
        MailResult badAddress = mail.sendTestMessage("admin at it.example", "it-admin");
        assertEquals(MailFailure.INVALID_ADDRESS, badAddress.failure(), badAddress.message());
        List<AuditRecord> audited = audit.latest(null, 20).stream().filter(r -> r.category().equals("mail.test")).toList();
        assertTrue(audited.stream().anyMatch(r -> "CONNECTION_REFUSED".equals(r.reason()) && "it-admin".equals(r.actor())), audited.toString());
        assertTrue(audited.stream().noneMatch(r -> r.toString().contains("not-it")));
    }

    @Test
    void storedPasswordIsSealedAndUsedForSmtpAuth() {
        mail.configure(server(smtp.getSmtp().getPort(), "relay"), "relay-pass-7f3e".toCharArray(), "it-admin");
        String stored = settings.find("mail.smtp.password").orElseThrow();
        assertNotEquals("relay-pass-7f3e", stored);
        assertFalse(stored.contains("relay-pass"), "the password is stored sealed");
        assertTrue(mail.passwordStored());
        assertEquals("relay", mail.serverSettings().orElseThrow().username());
        MailResult sent = mail.sendTestMessage("admin@it.example", "it-admin");
        assertTrue(sent.sent(), sent.message());
        mail.configure(server(smtp.getSmtp().getPort(), "relay"), null, "it-admin");
        assertTrue(mail.sendTestMessage("admin@it.example", "it-admin").sent(), "null keeps the stored password");
        assertTrue(audit.latest(null, 20).stream().filter(r -> r.category().equals("mail.configure")).noneMatch(r -> r.toString().contains("relay-pass")));
    }

    @Test
    void enrolmentInvitationCarriesUrlAndCodeButTheAuditDoesNot() throws Exception {
        DirectoryUserView user = user("new.starter@it.example");
        Instant expires = Instant.now().plus(3, ChronoUnit.DAYS);
        MailResult result = mail.sendEnrolment(new EnrolmentMessage("new.starter@it.example", user.userId(), "New Starter",
                "https://2fa.it.example/secenrol", "K7Q2-9XPM", expires), "it-helpdesk");
        assertTrue(result.sent(), result.message());
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        String body = GreenMailUtil.getBody(smtp.getReceivedMessages()[0]);
        assertTrue(body.contains("https://2fa.it.example/secenrol") && body.contains("K7Q2-9XPM") && body.contains("Hello New Starter"), body);
        List<AuditRecord> records = audit.latest(user.userId(), 10);
        assertTrue(records.stream().anyMatch(r -> r.category().equals("mail.enrolment") && r.actor().equals("it-helpdesk")), records.toString());
        assertTrue(records.stream().noneMatch(r -> r.toString().contains("K7Q2-9XPM")));
    }

    @Test
    void withoutStoredSettingsTheServersMailSessionIsUsed() {
        mail.useServerMailSession("it-admin");
        assertTrue(mail.serverSettings().isEmpty());
        MailResult result = mail.sendTestMessage("admin@it.example", "it-admin");
        // configure-countersign.cli points java:jboss/mail/Countersign at localhost:25 unless told otherwise
        assertTrue(result.message().contains("localhost:25"), result.message());
    }

    private String subject(int index) {
        try {
            return smtp.getReceivedMessages()[index].getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
