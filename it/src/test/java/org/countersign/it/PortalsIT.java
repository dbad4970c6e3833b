package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every portal of the packaged EAR answers at its context root. Pages are kept under target/it-artifacts. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/admin/, Countersign Admin",
        "/secenrol/, Manage My Token",
        "/seclosttoken/, Lost Token",
        "/secserver/api/health, \"status\":\"UP\"",
        "/secrep/api/health, \"status\":\"UP\"",
    })
    void portalAnswersAtItsContextRoot(String path, String expected) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + Integer.getInteger("it.http-port") + path);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        keep(path, response.body());
        assertEquals(200, response.statusCode(), uri + " answered " + response.statusCode() + ":\n" + response.body());
        assertTrue(response.body().contains(expected), uri + " lacks '" + expected + "':\n" + response.body());
    }

    private static void keep(String path, String body) throws IOException {
        Path dir = Path.of(System.getProperty("it.artifacts", "target/it-artifacts"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(path.replaceAll("[^A-Za-z0-9]+", "_") + ".html"), body);
    }
}
