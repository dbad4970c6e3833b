package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The helpdesk's flow on the Users page in headless Chromium, over a real OpenLDAP directory of 10,001 users that the
 * {@code directory-sync} job copied into the index: a helpdesk account signs in with its own TOTP, finds a user by
 * part of the name, changes the mobile number (checked in the LDAP entry), and issues a temporary code (shown once;
 * checked through radclient with the directory password). Both actions are in the audit trail with actor and target.
 * Screenshots of every page: {@code it/target/it-artifacts/screenshots/helpdesk-*.png}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HelpdeskConsoleIT {

    private static final String SECRET = System.getProperty("it.radius-secret");
    private static final String USER_PASSWORD = "brennan-pass-1";
    private static final String NEW_MOBILE = "+44 7700 900999";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithInContainerTests(ConsoleFixture.class, InsightFixture.class, Slapd.class);
    }

    /** Waits for a condition on parts that Ajax updates replace: a replaced element is looked up again. */
    private static WebDriverWait settle(ConsoleBrowser browser) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void helpdeskFindsAUserAmongTenThousandChangesTheMobileAndIssuesATemporaryCode() throws Exception {
        String name = "it-helpdesk-" + UUID.randomUUID().toString().substring(0, 6);
        String login = "mbrennan" + UUID.randomUUID().toString().substring(0, 4);
        String extra = "dn: uid=" + login + ",ou=people," + Slapd.BASE_DN + "\nobjectClass: inetOrgPerson\nuid: " + login
                + "\ncn: Maeve Brennan\nsn: Brennan\ngivenName: Maeve\nmail: " + login + "@example.org\nmobile: +44 7700 900461\nuserPassword: "
                + USER_PASSWORD + "\n\n";
        try (Slapd slapd = Slapd.start(Path.of("target", name), 10_000, extra)) {
            String directory = AdminConsoleIT.fixture(Map.of("op", "add-ldap", "name", name, "port", String.valueOf(slapd.port())));
            String userId = directory + ":" + login;
            try {
                long t0 = System.nanoTime();
                String synced = AdminConsoleIT.fixture(Map.of("op", "sync", "directory", directory));
                assertTrue(synced.startsWith("COMPLETED"), synced);
                System.out.printf("directory-sync of 10,001 LDAP users: %.1f s%n", (System.nanoTime() - t0) / 1e9);
                assertEquals("true", AdminConsoleIT.fixture(Map.of("op", "two-factor", "user", userId)));
                // the loopback RADIUS client answers with the suite's secret whatever an earlier browser test did
                assertEquals(200, ConsoleBrowser.post("/countersign-it/insight-fixture", Map.of("op", "loopback-client", "secret", SECRET), null)
                        .statusCode());

                account("ADMINISTRATOR"); // so the console is past its first run
                String agent = "helpdesk-" + UUID.randomUUID().toString().substring(0, 8);
                AdminConsoleIT.Phone phone = account("HELPDESK", agent);

                String code;
                try (ConsoleBrowser browser = new ConsoleBrowser("helpdesk-flow")) {
                    browser.open("/");
                    AdminConsoleIT.signIn(browser, agent, phone);
                    browser.find("menuUsers").click();
                    browser.find("search:text");
                    // more users than the count goes to: the page report says so
                    settle(browser).until(d -> d.findElement(By.id("search:table")).getText().contains("1000+"));
                    browser.screenshot("users");

                    // part of the name, as the agent types it
                    browser.find("search:text").sendKeys("brenn");
                    // only Maeve Brennans (a rerun on the same server database finds the earlier runs' ones too)
                    settle(browser).until(d -> !rows(browser).isEmpty() && rows(browser).stream().allMatch(r -> r.getText().contains("Maeve Brennan"))
                            && rows(browser).stream().anyMatch(r -> r.getText().contains(login)));
                    browser.screenshot("found");

                    rows(browser).stream().filter(r -> r.getText().contains(login)).findFirst().orElseThrow().click();
                    settle(browser).until(d -> d.findElement(By.id("users:detail")).getText().contains(userId));
                    assertEquals("+44 7700 900461", browser.find("users:mobile").getAttribute("value"));
                    browser.screenshot("user");

                    browser.type("users:mobile", NEW_MOBILE);
                    browser.find("users:saveContact").click();
                    passcode(browser, "contactReauth", phone.nextCode());
                    settle(browser).until(d -> d.findElement(By.id("messages")).getText().contains("written to the directory"));
                    assertEquals(NEW_MOBILE, browser.find("users:mobile").getAttribute("value"));
                    browser.screenshot("mobile-changed");

                    browser.find("users:issueTemporary").click();
                    passcode(browser, "temporaryReauth", phone.nextCode());
                    WebElement shown = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                            .until(ExpectedConditions.visibilityOfElementLocated(By.id("users:code")));
                    code = shown.getText().strip();
                    assertTrue(code.matches("[0-9]{8}"), "an 8-digit code: " + code);
                    browser.screenshot("temporary-code");
                    browser.find("users:codeSeen").click();
                    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.invisibilityOfElementLocated(By.id("users:code")));
                    assertFalse(browser.driver().getPageSource().contains(code), "the code is shown once");
                    browser.screenshot("code-closed");
                }

                try (LDAPConnection ldap = new LDAPConnection("127.0.0.1", slapd.port(), Slapd.ADMIN_DN, Slapd.ADMIN_PASSWORD)) {
                    SearchResultEntry entry = ldap.getEntry("uid=" + login + ",ou=people," + Slapd.BASE_DN, "mobile");
                    assertEquals(NEW_MOBILE, entry.getAttributeValue("mobile"), "the new number is in the directory");
                }

                Radclient.Result accepted = Radclient.sendUntilAnswered("auth", "User-Name = \"" + login + "\", User-Password = \""
                        + USER_PASSWORD + code + "\", Message-Authenticator = 0x00\n", SECRET, 20);
                assertTrue(accepted.received("Access-Accept"), "the temporary code lets the user in: " + accepted.output());

                List<String> trail = List.of(AdminConsoleIT.fixture(Map.of("op", "audit", "user", userId)).split("\n"));
                for (String category : List.of("directory.contact.update", "token.temporary.issue")) {
                    assertTrue(trail.contains(category + "|DONE|" + agent + "|" + userId), category + " with actor and target: " + trail);
                }
                assertTrue(trail.stream().noneMatch(line -> line.contains(code)), "the code is never audited");
            } finally {
                AdminConsoleIT.fixture(Map.of("op", "remove-ldap", "directory", directory));
            }
        }
    }

    private static AdminConsoleIT.Phone account(String role) throws Exception {
        return account(role, role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A new activated console account. */
    private static AdminConsoleIT.Phone account(String role, String login) throws Exception {
        AdminConsoleIT.Phone phone = new AdminConsoleIT.Phone(AdminConsoleIT.fixture(Map.of("op", "create", "login", login, "password",
                AdminConsoleIT.PASSWORD, "role", role)));
        assertEquals("true", AdminConsoleIT.fixture(Map.of("op", "activate", "login", login, "code", phone.nextCode())));
        return phone;
    }

    /** The result rows of the user table. */
    private static List<WebElement> rows(ConsoleBrowser browser) {
        return browser.driver().findElements(By.cssSelector("tbody[id='search:table_data'] > tr[data-ri]"));
    }

    /** Answers the re-authentication dialog of an action with a fresh passcode. */
    private static void passcode(ConsoleBrowser browser, String dialog, String code) {
        WebElement field = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(dialog + ":form:passcode")));
        field.sendKeys(code);
        browser.screenshot(dialog);
        browser.find(dialog + ":form:confirm").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.invisibilityOfElementLocated(By.id(dialog + ":form:passcode")));
    }
}
