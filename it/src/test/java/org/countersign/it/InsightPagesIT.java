package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard and the audit log in headless Chromium, after real RADIUS traffic from radclient: the counters and
 * the latest authentications show it, a new rejection appears without reloading the page, the audit log filters it,
 * and the CSV export holds it and no password.
 */
@ExtendWith(ArquillianExtension.class)
class InsightPagesIT {

    private static final String SECRET = System.getProperty("it.radius-secret");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithInContainerTests(ConsoleFixture.class, InsightFixture.class);
    }

    /** Waits for a condition on parts that Ajax updates replace: a replaced element is looked up again. */
    private static WebDriverWait settle(ConsoleBrowser browser) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static Radclient.Result radius(String login, String password) {
        return Radclient.sendUntilAnswered("auth", "User-Name = \"" + login + "\", User-Password = \"" + password
                + "\", Message-Authenticator = 0x00\n", SECRET, 20);
    }

    @Test
    void dashboardAndAuditLogShowRadiusTrafficLive() throws Exception {
        // the client for 127.0.0.1 takes the suite's secret and mode again (another browser test may have replaced the seeded one)
        HttpResponse<String> loopback = ConsoleBrowser.post("/countersign-it/insight-fixture", Map.of("op", "loopback-client", "secret", SECRET), null);
        assertEquals(200, loopback.statusCode(), loopback.body());
        String clientName = loopback.body();
        Thread.sleep(2000); // the RADIUS listener re-reads its clients every second in the tests
        String login = "insight-" + UUID.randomUUID().toString().substring(0, 8);
        AdminConsoleIT.Phone phone = new AdminConsoleIT.Phone(AdminConsoleIT.fixture(Map.of("op", "create", "login", login, "password",
                AdminConsoleIT.PASSWORD, "role", "ADMINISTRATOR")));
        assertEquals("true", AdminConsoleIT.fixture(Map.of("op", "activate", "login", login, "code", phone.nextCode())));

        assertTrue(radius(login, AdminConsoleIT.PASSWORD + phone.nextCode()).received("Access-Accept"));
        String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            assertTrue(radius(stranger, "guess" + i + "123456").received("Access-Reject"));
        }
        assertTrue(radius(login, "not-the-password-000000").received("Access-Reject"));
        // the VPN session that follows, as its NAS reports it to the accounting port
        String session = "insight-session-" + UUID.randomUUID().toString().substring(0, 6);
        String nas = "User-Name = \"" + login + "\", Acct-Session-Id = \"" + session + "\", NAS-Identifier = \"insight-nas\", Framed-IP-Address = 10.8.0.7";
        assertTrue(Radclient.send("acct", nas + ", Acct-Status-Type = Start\n", SECRET).received("Accounting-Response"));
        assertTrue(Radclient.send("acct", nas + ", Acct-Status-Type = Stop, Acct-Session-Time = 3723, Acct-Terminate-Cause = User-Request\n", SECRET)
                .received("Accounting-Response"));

        try (ConsoleBrowser browser = new ConsoleBrowser("insight")) {
            browser.open("/");
            AdminConsoleIT.signIn(browser, login, phone);
            browser.open("/helpdesk/dashboard.xhtml");
            browser.find("dashboard:latest");
            String page = browser.text();
            String lower = page.toLowerCase(java.util.Locale.ROOT); // tile labels are upper-cased by the style sheet
            assertTrue(lower.contains("accepted today") && lower.contains("rejected today") && lower.contains("users with two-factor"), page);
            // the poll may replace these between a lookup and a read: read them through settle()
            settle(browser).until(d -> Long.parseLong(d.findElement(By.id("dashboard:rejectedToday")).getText()) >= 4
                    && Long.parseLong(d.findElement(By.id("dashboard:acceptedToday")).getText()) >= 1
                    && d.findElement(By.id("dashboard:latest")).getText().contains(stranger));
            assertFalse(browser.driver().findElements(By.cssSelector("#dashboard\\:hourly canvas")).isEmpty(), "the chart is drawn");
            // the session's records, newest first: the Stop with its length and cause, then the Start
            settle(browser).until(d -> {
                String accounting = d.findElement(By.id("dashboard:accountingLatest")).getText();
                java.util.regex.Matcher counts = java.util.regex.Pattern.compile("Last hour: (\\d+) started · \\d+ interim updates · (\\d+) ended")
                        .matcher(d.findElement(By.id("dashboard:accounting")).getText());
                return accounting.indexOf(login + " Stop") >= 0 && accounting.indexOf(login + " Stop") < accounting.indexOf(login + " Start")
                        && accounting.contains("10.8.0.7 1:02:03 User-Request") && accounting.contains("insight-nas")
                        && counts.find() && Long.parseLong(counts.group(1)) >= 1 && Long.parseLong(counts.group(2)) >= 1;
            });
            browser.screenshot("dashboard");

            // a rejection after the page was loaded shows up through the poll, without a reload
            String late = "late-" + UUID.randomUUID().toString().substring(0, 6);
            assertTrue(radius(late, "whatever123456").received("Access-Reject"));
            settle(browser).until(d -> d.findElement(By.id("dashboard:latest")).getText().contains(late));
            browser.screenshot("dashboard-live");

            browser.find("menuAudit").click();
            browser.find("audit:records");
            browser.type("audit:user", stranger);
            browser.find("audit:search").click();
            settle(browser).until(d -> d.findElement(By.id("audit:records")).getText().contains("1-3 of 3"));
            settle(browser).until(d -> d.findElement(By.id("audit:records")).getText().contains(stranger)
                    && d.findElement(By.id("audit:records")).getText().contains("Rejected")
                    && d.findElement(By.id("audit:records")).getText().contains(clientName));
            browser.screenshot("audit-filtered");

            browser.find("audit:clear").click();
            settle(browser).until(d -> d.findElement(By.id("audit:user")).getAttribute("value").isEmpty());
            browser.type("audit:user", login);
            browser.find("audit:search").click();
            settle(browser).until(d -> d.findElement(By.id("audit:records")).getText().contains("auth.radius"));
            browser.screenshot("audit-user");

            browser.find("audit:csv");
            // p:linkButton renders its id on a wrapper around the link
            String href = browser.driver().findElement(By.cssSelector("[id='audit:csv'] a, a[id='audit:csv']")).getAttribute("href");
            assertTrue(href.contains("/admin/config/audit.csv?user=" + login), href);
            HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + browser.sessionCookie()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
            assertTrue(csv.body().startsWith("time,category,outcome,reason,actor,user,token,channel,client,address,detail\r\n"), csv.body());
            assertTrue(csv.body().contains("auth.radius,ACCEPTED,") && csv.body().contains(login), csv.body());
            assertFalse(csv.body().contains(AdminConsoleIT.PASSWORD), "no password in the export");
            assertFalse(csv.body().contains("not-the-password"), "no password in the export");

            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertFalse(anonymous.body().startsWith("time,category"), "the export needs a signed-in administrator");
        }
    }
}
