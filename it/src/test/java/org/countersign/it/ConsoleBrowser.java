package org.countersign.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's chromedriver (paths set explicitly, so Selenium Manager never
 * downloads anything), with a fresh profile, pointed at the Admin portal of the IT server. Every page visited can be
 * kept as a PNG under {@code it.artifacts/screenshots}.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ChromeDriver driver;
    private final Path profile;
    private final String prefix;
    private int shot;

    ConsoleBrowser(String prefix) {
        this.prefix = prefix;
        try {
            profile = Files.createTempDirectory("countersign-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1360,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    static String base() {
        return "http://localhost:" + Integer.getInteger("it.http-port") + "/admin";
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base() + path);
    }

    WebElement find(String id) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("missing-" + id.replace(':', '_'));
            throw new AssertionError("no element " + id + " on " + driver.getCurrentUrl() + ":\n" + text(), e);
        }
    }

    boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    void type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks a button that posts the whole page and waits for the new page. */
    void submit(String id) {
        WebElement button = find(id);
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> gone(button));
    }

    /**
     * Whether the element left the page. Chromium reports an element asked about while its page is being replaced either
     * as stale or, at that very moment, as "Node with given id does not belong to the document": both mean gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Picks an option of a PrimeFaces selectOneMenu by its value, through the widget's own API (the menu builds its
     * items lazily and animates them in, which makes clicking them flaky in headless Chromium).
     */
    void choose(String menuId, String value) {
        find(menuId);
        driver.executeScript("PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);", menuId, value);
        String chosen = find(menuId + "_input").getDomProperty("value");
        if (!value.equals(chosen)) {
            throw new AssertionError(menuId + " shows " + chosen + ", not " + value);
        }
    }

    /** @return the current value of an input field */
    String value(String id) {
        return find(id).getDomProperty("value");
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    /** Keeps a PNG of the page as it is now. */
    void screenshot(String name) {
        Path dir = Path.of(System.getProperty("it.artifacts", "target/it-artifacts"), "screenshots");
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(String.format("%s-%02d-%s.png", prefix, ++shot, name)), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts a form to a path of the server with the given session cookie, outside the browser. */
    static HttpResponse<String> post(String path, Map<String, String> form, String sessionId) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + Integer.getInteger("it.http-port") + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
