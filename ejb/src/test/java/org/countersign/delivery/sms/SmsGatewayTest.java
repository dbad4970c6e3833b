package org.countersign.delivery.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway against a real HTTP server on a free loopback port. */
class SmsGatewayTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "OK id=1";
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())
                    + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void getPutsNumberAndMessageUrlEncodedIntoTheQuery() {
        SmsGateway.from(Map.of(SmsGateway.URL, base() + "/send?to={mobile}&text={message}")::get).send("+44 (0)7700-900.123", "code 123 456 & more");
        assertEquals(1, received.size());
        String request = received.get(0);
        assertTrue(request.startsWith("GET /send?to=%2B4407700900123&text="), request);
        String text = request.substring(request.indexOf("text=") + 5, request.indexOf(' ', request.indexOf("text=")));
        assertEquals("code 123 456 & more", URLDecoder.decode(text, StandardCharsets.UTF_8));
    }

    @Test
    void postWithJsonBodyEscapesTheMessageAsJsonText() {
        SmsGateway.from(Map.of(SmsGateway.URL, base() + "/api", SmsGateway.BODY, "{\"to\":\"{mobile}\",\"text\":\"{message}\"}",
                SmsGateway.CONTENT_TYPE, "application/json")::get).send("447700900123", "say \"hi\"\nnow");
        assertEquals("POST /api application/json; charset=UTF-8 {\"to\":\"447700900123\",\"text\":\"say \\\"hi\\\"\\nnow\"}", received.get(0));
    }

    @Test
    void postWithFormBodyIsTheDefaultWhenABodyIsGiven() {
        SmsGateway.from(Map.of(SmsGateway.URL, base() + "/form", SmsGateway.BODY, "to={mobile}&msg={message}")::get).send("447700900123", "a b&c");
        assertEquals("POST /form application/x-www-form-urlencoded; charset=UTF-8 to=447700900123&msg=a+b%26c", received.get(0));
    }

    @Test
    void errorsNameTheCauseButNeverTheMessage() {
        status = 503;
        SmsGateway gateway = SmsGateway.from(Map.of(SmsGateway.URL, base() + "/send?text={message}&to={mobile}")::get);
        SmsDeliveryException failed = assertThrows(SmsDeliveryException.class, () -> gateway.send("447700900123", "secret 987654"));
        assertEquals("the SMS gateway answered HTTP 503", failed.getMessage());
        status = 200;
        answer = "ERROR: no credit";
        SmsGateway strict = SmsGateway.from(Map.of(SmsGateway.URL, base() + "/s?m={message}&to={mobile}", SmsGateway.SUCCESS_PATTERN, "^OK")::get);
        SmsDeliveryException unmatched = assertThrows(SmsDeliveryException.class, () -> strict.send("447700900123", "secret 987654"));
        assertFalse(unmatched.getMessage().contains("987654"), unmatched.getMessage());
        assertTrue(unmatched.getMessage().contains("success-pattern"), unmatched.getMessage());
    }

    @Test
    void aGatewayThatDoesNotAnswerInTimeFails() {
        delayMillis = 2500;
        SmsGateway gateway = SmsGateway.from(Map.of(SmsGateway.URL, base() + "/slow?to={mobile}&m={message}", SmsGateway.TIMEOUT_SECONDS, "1")::get);
        SmsDeliveryException failed = assertThrows(SmsDeliveryException.class, () -> gateway.send("447700900123", "x"));
        assertEquals("the SMS gateway did not answer within 1 s", failed.getMessage());
    }

    @Test
    void refusesBadSettingsAndNumbersBeforeSendingAnything() {
        assertThrows(SmsDeliveryException.class, () -> SmsGateway.from(Map.<String, String>of()::get));
        assertThrows(SmsDeliveryException.class, () -> SmsGateway.from(Map.of(SmsGateway.URL, "ftp://gw/{message}")::get));
        assertThrows(SmsDeliveryException.class, () -> SmsGateway.from(Map.of(SmsGateway.URL, base(), SmsGateway.METHOD, "PUT")::get));
        assertThrows(SmsDeliveryException.class, () -> SmsGateway.from(Map.of(SmsGateway.URL, base(), SmsGateway.METHOD, "GET", SmsGateway.BODY, "x")::get));
        assertThrows(SmsDeliveryException.class, () -> SmsGateway.from(Map.of(SmsGateway.URL, base(), SmsGateway.SUCCESS_PATTERN, "(")::get));
        SmsGateway gateway = SmsGateway.from(Map.of(SmsGateway.URL, base() + "/?to={mobile}&m={message}")::get);
        assertThrows(SmsDeliveryException.class, () -> gateway.send("call me", "x"));
        assertThrows(SmsDeliveryException.class, () -> gateway.send(null, "x"));
        assertEquals(List.of(), received);
    }
}
