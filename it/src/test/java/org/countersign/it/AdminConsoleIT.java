package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Admin portal in headless Chromium. The IT server's database is shared by every IT class of a run, so the
 * wizard test first puts the server back into the fresh state (no console account, no setup progress) through a
 * test-only servlet ({@link ConsoleFixture}); the setup key file is then written again as on a first start.
 * Screenshots of every page: {@code it/target/it-artifacts/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT {

    static final String PASSWORD = "correct horse 42";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithInContainerTests(ConsoleFixture.class);
    }

    /** A console account's TOTP as its phone holds it; codes only move forward, one time step per use. */
    static final class Phone {
        private final byte[] seed;
        private long lastStep;

        Phone(String keyUri) {
            this.seed = TokenServiceIT.seedOf(keyUri);
        }

        /** @return the code of the current time step, without using it */
        String peek() {
            return TokenServiceIT.hotp(seed, System.currentTimeMillis() / 30_000);
        }

        /** @return the next unused code, waiting for the next time step when the window (one step ahead) is used up */
        String nextCode() throws InterruptedException {
            long now = System.currentTimeMillis() / 30_000;
            long step = Math.max(now, lastStep + 1);
            while (step > System.currentTimeMillis() / 30_000 + 1) {
                Thread.sleep(1000);
            }
            lastStep = step;
            return TokenServiceIT.hotp(seed, step);
        }
    }

    /**
     * The whole first run: setup key, first administrator with a TOTP read from the QR code, sign-in, then every
     * wizard step against real peers (an in-memory LDAP directory and a GreenMail SMTP server started by the test,
     * reached by WildFly over loopback), finish, and a RADIUS login from radclient through the client the wizard
     * added. The wizard opened again afterwards shows what was saved, and no password or secret.
     */
    @Test
    void setupWizardLeadsFromAFreshServerToARadiusLogin() throws Exception {
        Path keyFile = Path.of(fixture(Map.of("op", "reset")));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String login = "admin-" + suffix;
        String radiusSecret = "wizard-secret-" + UUID.randomUUID();
        String ldapPassword = "ldap-service-" + UUID.randomUUID();
        String smtpPassword = "smtp-pass-" + UUID.randomUUID();
        String directoryName = "Wizard LDAP " + suffix;
        String directoryId = "wizard-ldap-" + suffix;
        InMemoryDirectoryServer ldap = wizardLdap(ldapPassword);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", smtpPassword));
        smtp.start();
        String ldapServer = "127.0.0.1:" + ldap.getListenPort();
        String smtpPort = Integer.toString(smtp.getSmtp().getPort());
        try (ConsoleBrowser browser = new ConsoleBrowser("wizard")) {
            browser.open("/");
            browser.find("first:setupKey");
            assertTrue(browser.url().contains("/setup/first-administrator"), browser.url());
            browser.screenshot("first-administrator");

            // a wrong key is refused beside the field
            fillFirstAdministrator(browser, "AAAAA-BBBBB-CCCCC-DDDDD", login);
            assertTrue(browser.text().contains("This is not the setup key in the file."), browser.text());
            browser.screenshot("wrong-setup-key");

            String key = Files.readAllLines(keyFile).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow();
            fillFirstAdministrator(browser, key, login);
            browser.screenshot("scan-qr");
            Phone phone = new Phone(readQr(browser.find("qr")));
            browser.type("activate:code", phone.nextCode());
            browser.submit("activate:confirm");
            browser.find("done");
            browser.screenshot("first-administrator-ready");
            assertFalse(Files.exists(keyFile), "the setup key file is deleted once the first administrator exists");

            browser.find("toSignIn").click();
            signIn(browser, login, phone);
            browser.find("stepTitle");
            assertTrue(browser.url().contains("/config/wizard"), "an administrator lands in the unfinished wizard: " + browser.url());
            browser.screenshot("wizard-directory");

            browser.type("wizard:ldapName", directoryName);
            browser.choose("wizard:flavor", "OPENLDAP");
            browser.type("wizard:servers", ldapServer);
            browser.type("wizard:baseDn", "dc=example,dc=com");
            browser.type("wizard:bindDn", "cn=countersign,dc=example,dc=com");
            browser.type("wizard:bindPassword", ldapPassword);
            browser.submit("wizard:testDirectory");
            String results = browser.find("wizard:testResults").getText();
            assertTrue(results.contains(ldapServer) && results.contains("OK"), "the directory's server is tested: " + results);
            browser.screenshot("wizard-directory-tested");
            browser.submit("wizard:saveDirectory");

            browser.type("wizard:smtpHost", "127.0.0.1");
            browser.type("wizard:smtpPort", "70000");
            browser.submit("wizard:saveMail");
            assertTrue(browser.text().contains("A port from 1 to 65535."), "the port is validated beside its field");
            browser.screenshot("wizard-mail-error");
            browser.type("wizard:smtpPort", smtpPort);
            browser.type("wizard:smtpUser", "relay");
            browser.type("wizard:smtpPassword", "not-the-password");
            browser.type("wizard:mailFrom", "countersign@example.com");
            browser.type("wizard:testTo", "admin@example.com");
            browser.submit("wizard:testMail");
            String refused = browser.find("wizard:testResult").getText();
            assertTrue(refused.contains("refused the user name and password"), "a wrong SMTP password is named beside the field: " + refused);
            assertFalse(browser.driver().getPageSource().contains("not-the-password"), "the password is not sent back");
            assertEquals(0, smtp.getReceivedMessages().length);
            browser.screenshot("wizard-mail-test-refused");

            browser.type("wizard:smtpPassword", smtpPassword);
            browser.submit("wizard:testMail");
            String sent = browser.find("wizard:testResult").getText();
            assertTrue(sent.contains("sent to admin@example.com"), sent);
            assertTrue(smtp.waitForIncomingEmail(10_000, 1), "the test message arrived at the SMTP server");
            MimeMessage test = smtp.getReceivedMessages()[0];
            assertEquals("Countersign test message", test.getSubject());
            assertEquals("admin@example.com", test.getAllRecipients()[0].toString());
            assertFalse(browser.driver().getPageSource().contains(smtpPassword), "the password is not sent back");
            browser.screenshot("wizard-mail-test-sent");
            browser.submit("wizard:saveMail"); // the password typed for the test is kept for the save

            browser.find("wizard:smsUrl");
            browser.screenshot("wizard-sms");
            browser.submit("wizard:skipSms");

            browser.type("wizard:url-enrol", "https://2fa.example.com/secenrol");
            browser.screenshot("wizard-urls");
            browser.submit("wizard:saveUrls");

            // the first RADIUS client takes 127.0.0.1, where radclient sends from: the seeded client steps aside meanwhile
            fixture(Map.of("op", "move-localhost", "network", "127.0.0.254"));
            browser.type("wizard:name", "Wizard VPN");
            browser.type("wizard:network", "127.0.0.1");
            browser.type("wizard:secret", radiusSecret);
            browser.screenshot("wizard-radius");
            browser.submit("wizard:saveRadius");
            browser.find("wizard:finish");
            browser.screenshot("wizard-done");
            browser.submit("wizard:finish");
            assertTrue(browser.url().contains("/helpdesk/dashboard"), browser.url());
            browser.screenshot("dashboard");

            browser.find("menuRadiusClients").click();
            browser.find("list:clients");
            assertTrue(browser.text().contains("Wizard VPN"), browser.text());
            browser.screenshot("radius-clients");

            Radclient.Result login1 = Radclient.sendUntilAnswered("auth", "User-Name = \"" + login + "\", User-Password = \"" + PASSWORD
                    + phone.nextCode() + "\", Message-Authenticator = 0x00\n", radiusSecret, 20);
            assertTrue(login1.received("Access-Accept"), login1.output());

            // run again, the wizard shows what was saved, never a password or secret
            browser.open("/config/wizard.xhtml");
            browser.find("stepTitle");
            assertEquals(ldapServer, browser.value("wizard:servers"));
            assertEquals("dc=example,dc=com", browser.value("wizard:baseDn"));
            assertEquals(directoryName, browser.value("wizard:ldapName"));
            assertEquals("", browser.value("wizard:bindPassword"));
            browser.screenshot("wizard-again-directory");
            browser.submit("wizard:steps:1:step");
            assertEquals("127.0.0.1", browser.value("wizard:smtpHost"));
            assertEquals(smtpPort, browser.value("wizard:smtpPort"));
            assertEquals("relay", browser.value("wizard:smtpUser"));
            assertEquals("countersign@example.com", browser.value("wizard:mailFrom"));
            assertEquals("", browser.value("wizard:smtpPassword"));
            browser.screenshot("wizard-again-mail");
            browser.submit("wizard:steps:3:step");
            assertEquals("https://2fa.example.com/secenrol", browser.value("wizard:url-enrol"));
            browser.submit("wizard:steps:4:step");
            assertEquals("Wizard VPN", browser.value("wizard:name"));
            assertEquals("127.0.0.1", browser.value("wizard:network"));
            assertEquals("", browser.value("wizard:secret"));
            browser.screenshot("wizard-again-radius");
            // saving the step again changes the wizard's client in place instead of adding a second one
            browser.submit("wizard:saveRadius");
            browser.find("wizard:finish");
            browser.open("/config/radius-clients.xhtml");
            assertEquals(1, browser.text().split("Wizard VPN", -1).length - 1, browser.text());
            for (String secret : List.of(radiusSecret, ldapPassword, smtpPassword)) {
                assertFalse(browser.driver().getPageSource().contains(secret), "a secret is shown");
            }
        } finally {
            // the wizard's client gives 127.0.0.1 back to the seeded client the other tests use; the wizard's peers go away
            fixture(Map.of("op", "delete-client", "name", "Wizard VPN"));
            fixture(Map.of("op", "move-localhost", "network", "127.0.0.1"));
            fixture(Map.of("op", "remove-directory", "id", directoryId));
            fixture(Map.of("op", "mail-session"));
            smtp.stop();
            ldap.shutDown(true);
        }
    }

    /** An LDAP directory on a free loopback port with a service account and one user, as the wizard's test expects. */
    private static InMemoryDirectoryServer wizardLdap(String servicePassword) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.addAdditionalBindCredentials("cn=countersign,dc=example,dc=com", servicePassword);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=example,dc=com", "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: ou=people,dc=example,dc=com", "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        server.add("dn: uid=ldap-user,ou=people,dc=example,dc=com", "objectClass: inetOrgPerson", "uid: ldap-user", "cn: LDAP User",
                "sn: User");
        server.startListening();
        return server;
    }

    @Test
    void formPostReplayedFromAnotherSessionIsRefused() throws Exception {
        Phone alice = account("ADMINISTRATOR");
        Phone bob = account("ADMINISTRATOR");
        try (ConsoleBrowser first = new ConsoleBrowser("csrf-a"); ConsoleBrowser second = new ConsoleBrowser("csrf-b")) {
            first.open("/config/radius-clients.xhtml");
            signIn(first, aliceLogin, alice);
            first.open("/config/radius-clients.xhtml");
            first.submit("list:add");
            first.find("client:name");
            first.screenshot("add-client-form");
            String clientName = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
            Map<String, String> post = formOf(first, "client");
            post.put("client:name", clientName);
            post.put("client:network", "198.51.100." + (1 + new java.util.Random().nextInt(254)));
            post.put("client:secret", "a-long-enough-shared-secret");
            post.put("client:save", "");

            try {
                second.open("/config/radius-clients.xhtml");
                signIn(second, bobLogin, bob);
                second.open("/config/radius-clients.xhtml");
                second.find("list:clients");

                HttpResponse<String> replayed = ConsoleBrowser.post("/admin/config/radius-clients.xhtml", post, second.sessionCookie());
                assertEquals(403, replayed.statusCode(), replayed.body());
                assertTrue(replayed.body().contains("belongs to another session"), replayed.body());
                second.open("/config/radius-clients.xhtml");
                assertFalse(second.text().contains(clientName), "the replayed post changed nothing");
                second.screenshot("after-replay");

                HttpResponse<String> own = ConsoleBrowser.post("/admin/config/radius-clients.xhtml", post, first.sessionCookie());
                assertEquals(200, own.statusCode(), "the same post in its own session is accepted");
                second.open("/config/radius-clients.xhtml");
                assertTrue(second.text().contains(clientName), "the post in its own session added the client: " + own.body());

                String setCookie = String.join(";", ConsoleBrowser.post("/admin/login.xhtml", Map.of(), null).headers().allValues("Set-Cookie"));
                assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
            } finally {
                fixture(Map.of("op", "delete-client", "name", clientName));
            }
        }
    }

    @Test
    void helpdeskCannotReachAdministratorPages() throws Exception {
        account("ADMINISTRATOR"); // so the console is past its first run
        Phone helpdesk = account("HELPDESK");
        try (ConsoleBrowser browser = new ConsoleBrowser("helpdesk")) {
            browser.open("/");
            signIn(browser, helpdeskLogin, helpdesk);
            browser.find("menuUsers");
            assertFalse(browser.present("menuRadiusClients"), "no administrator menu for helpdesk");
            browser.screenshot("helpdesk-dashboard");
            for (String page : List.of("/config/radius-clients.xhtml", "/config/settings.xhtml", "/config/wizard.xhtml", "/config/audit.xhtml")) {
                browser.open(page);
                assertTrue(browser.text().contains("You are not allowed to open this page."), page + ": " + browser.text());
                HttpResponse<String> direct = ConsoleBrowser.post("/admin" + page, Map.of(), browser.sessionCookie());
                assertEquals(403, direct.statusCode(), page);
            }
            browser.screenshot("helpdesk-forbidden");
            browser.open("/helpdesk/users.xhtml");
            assertTrue(browser.text().contains("Users"), browser.text());
        }
    }

    /**
     * An administrator adds a helpdesk account on the Administrators page: the new account's authenticator app is set up
     * from the QR code shown once and activated with its first code; the agent then signs in with a code of their own
     * and finds the administrator pages closed, the Administrators page included.
     */
    @Test
    void administratorAddsAHelpdeskAgentWhoSignsInWithAnAppOfTheirOwn() throws Exception {
        Phone admin = account("ADMINISTRATOR");
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        Phone agentPhone;
        try (ConsoleBrowser browser = new ConsoleBrowser("admins")) {
            browser.open("/");
            signIn(browser, aliceLogin, admin);
            browser.find("menuAdministrators").click();
            browser.find("list:add").click();
            browser.type("account:login", agent);
            browser.type("account:displayName", "Agent Smith");
            browser.type("account:password", "short");
            browser.type("account:confirmation", "short");
            browser.submit("account:create");
            assertTrue(browser.present("account:login"), "a password under 8 characters is refused beside its field");
            browser.screenshot("admins-short-password");
            browser.type("account:password", PASSWORD);
            browser.type("account:confirmation", PASSWORD);
            browser.screenshot("admins-new");
            browser.submit("account:create");
            agentPhone = new Phone(readQr(browser.find("qr")));
            browser.screenshot("admins-qr");
            browser.type("activate:code", "000000".equals(agentPhone.peek()) ? "111111" : "000000");
            browser.submit("activate:confirm");
            assertTrue(browser.present("activate:code"), "a wrong first code does not activate the account");
            browser.type("activate:code", agentPhone.nextCode());
            browser.submit("activate:confirm");
            browser.find("list:accounts");
            String listed = browser.text();
            assertTrue(listed.contains("Account " + agent + " is active and may sign in."), listed);
            assertTrue(listed.contains(agent) && listed.contains("Agent Smith") && listed.contains("Helpdesk"), listed);
            assertFalse(browser.present("qr"), "the QR code is shown once");
            browser.screenshot("admins-list");
        }
        try (ConsoleBrowser browser = new ConsoleBrowser("agent")) {
            browser.open("/");
            signIn(browser, agent, agentPhone);
            browser.find("menuUsers");
            assertFalse(browser.present("menuAdministrators"), "no administrator menu for helpdesk");
            browser.open("/config/administrators.xhtml");
            assertTrue(browser.text().contains("You are not allowed to open this page."), browser.text());
            browser.screenshot("agent-forbidden");
        }
    }

    private String aliceLogin;
    private String bobLogin;
    private String helpdeskLogin;

    /** A new activated console account of the role; remembers its login in the field for its role. */
    private Phone account(String role) throws Exception {
        String login = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Phone phone = new Phone(fixture(Map.of("op", "create", "login", login, "password", PASSWORD, "role", role)));
        assertEquals("true", fixture(Map.of("op", "activate", "login", login, "code", phone.nextCode())));
        if (role.equals("HELPDESK")) {
            helpdeskLogin = login;
        } else if (aliceLogin == null) {
            aliceLogin = login;
        } else {
            bobLogin = login;
        }
        return phone;
    }

    private static void fillFirstAdministrator(ConsoleBrowser browser, String key, String login) {
        browser.type("first:setupKey", key);
        browser.type("first:login", login);
        browser.type("first:displayName", "First Administrator");
        browser.type("first:mail", "admin@example.com");
        browser.type("first:password", PASSWORD);
        browser.type("first:confirmation", PASSWORD);
        browser.submit("first:create");
    }

    static void signIn(ConsoleBrowser browser, String login, Phone phone) throws InterruptedException {
        browser.find("signin:login");
        browser.type("signin:login", login);
        browser.type("signin:password", PASSWORD);
        browser.type("signin:passcode", phone.nextCode());
        browser.screenshot("sign-in");
        browser.submit("signin:submit");
        browser.find("session:signOut");
    }

    /**
     * The otpauth URI in the QR code the page shows, decoded from the image. The image is the code alone, so it is read
     * as such (PURE_BARCODE): ZXing's finder-pattern search failed on about 1.5% of these clean images, depending on the
     * random secret (51 of 3,000 generated as the server draws them; none with the hint), which made this test fail at
     * random.
     */
    private static String readQr(WebElement image) throws Exception {
        String src = image.getAttribute("src");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
        int[] pixels = png.getRGB(0, 0, png.getWidth(), png.getHeight(), null, 0, png.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(png.getWidth(), png.getHeight(), pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    /** Every named field of a form as the browser would post it (hidden fields included: the view state). */
    private static Map<String, String> formOf(ConsoleBrowser browser, String formId) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (WebElement input : browser.driver().findElements(By.cssSelector("form#" + formId + " input[name]"))) {
            String type = input.getAttribute("type");
            if ("checkbox".equals(type) && !input.isSelected()) {
                continue;
            }
            fields.put(input.getAttribute("name"), input.getAttribute("value") == null ? "" : input.getAttribute("value"));
        }
        for (WebElement select : browser.driver().findElements(By.cssSelector("form#" + formId + " select[name]"))) {
            fields.put(select.getAttribute("name"), select.findElement(By.cssSelector("option[selected], option")).getAttribute("value"));
        }
        return fields;
    }

    static String fixture(Map<String, String> form) throws Exception {
        HttpResponse<String> response = ConsoleBrowser.post("/countersign-it/console-fixture", form, null);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
