package org.countersign.delivery.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.countersign.api.delivery.MailFailure;
import org.countersign.api.delivery.MailResult;
import org.countersign.api.delivery.MailSecurity;
import org.countersign.api.delivery.MailServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sending and every failure an administrator must be told apart, against GreenMail and small real sockets. */
class SmtpMailerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", "right-password"))
            .withPerMethodLifecycle(true);

    private static MailServerSettings server(int port, MailSecurity security, String user) {
        return new MailServerSettings("127.0.0.1", port, security, user, "Countersign <countersign@example.org>");
    }

    private static int greenMailPort() {
        return SMTP.getSmtp().getPort();
    }

    @Test
    void deliversAPlainTextUtf8Message() throws Exception {
        MailResult result = SmtpMailer.send(SmtpMailer.session(server(greenMailPort(), MailSecurity.NONE, null), null, TIMEOUT),
                "countersign@example.org", "ann@example.org", "Grüße – passcode", "Zürich 123456\n");
        assertTrue(result.sent(), result.message());
        assertEquals("sent to ann@example.org through 127.0.0.1:" + greenMailPort(), result.message());
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Grüße – passcode", received[0].getSubject());
        assertEquals("Zürich 123456", GreenMailUtil.getBody(received[0]).strip().replace("=C3=BC", "ü"));
        assertEquals("auto-generated", received[0].getHeader("Auto-Submitted")[0]);
    }

    @Test
    void logsInWithTheRightPassword() {
        MailResult result = SmtpMailer.send(SmtpMailer.session(server(greenMailPort(), MailSecurity.NONE, "relay"), "right-password".toCharArray(),
                TIMEOUT), "countersign@example.org", "ann@example.org", "s", "b");
        assertTrue(result.sent(), result.message());
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureThatNamesNoSecret() {
        MailResult result = SmtpMailer.send(SmtpMailer.session(server(greenMailPort(), MailSecurity.NONE, "relay"), "wrong-password".toCharArray(),
                TIMEOUT), "countersign@example.org", "ann@example.org", "s", "b");
        assertEquals(MailFailure.AUTH_FAILED, result.failure(), result.message());
        assertFalse(result.message().contains("wrong-password"));
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void closedPortIsConnectionRefused() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        MailResult result = SmtpMailer.send(SmtpMailer.session(server(closed, MailSecurity.NONE, null), null, TIMEOUT),
                "countersign@example.org", "ann@example.org", "s", "b");
        assertEquals(MailFailure.CONNECTION_REFUSED, result.failure(), result.message());
        assertTrue(result.message().contains("127.0.0.1:" + closed), result.message());
    }

    @Test
    void unresolvableHostIsUnknownHost() {
        MailServerSettings s = new MailServerSettings("no-such-host.invalid", 25, MailSecurity.NONE, null, "countersign@example.org");
        MailResult result = SmtpMailer.send(SmtpMailer.session(s, null, TIMEOUT), "countersign@example.org", "ann@example.org", "s", "b");
        assertEquals(MailFailure.UNKNOWN_HOST, result.failure(), result.message());
    }

    @Test
    void silentServerIsATimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            MailResult result = SmtpMailer.send(SmtpMailer.session(server(silent.getLocalPort(), MailSecurity.NONE, null), null,
                    Duration.ofMillis(500)), "countersign@example.org", "ann@example.org", "s", "b");
            assertEquals(MailFailure.TIMEOUT, result.failure(), result.message());
        }
    }

    @Test
    void serverWithoutStartTlsIsRefusedWhenStartTlsIsRequired() {
        MailResult result = SmtpMailer.send(SmtpMailer.session(server(greenMailPort(), MailSecurity.STARTTLS, null), null, TIMEOUT),
                "countersign@example.org", "ann@example.org", "s", "b");
        assertEquals(MailFailure.TLS_FAILED, result.failure(), result.message());
        assertEquals(0, SMTP.getReceivedMessages().length, "nothing may go out in clear when TLS was asked for");
    }

    @Test
    void plainServerIsRefusedWhenTlsIsRequired() {
        MailResult result = SmtpMailer.send(SmtpMailer.session(server(greenMailPort(), MailSecurity.TLS, null), null, TIMEOUT),
                "countersign@example.org", "ann@example.org", "s", "b");
        assertEquals(MailFailure.TLS_FAILED, result.failure(), result.message());
    }

    @Test
    void malformedAddressesAreRefusedBeforeAnyConnection() {
        for (String bad : new String[] {"", "ann", "ann@", "a b@example.org", "ann@example.org, bob@example.org", "list: a@b.org;"}) {
            MailResult result = SmtpMailer.send(SmtpMailer.session(server(greenMailPort(), MailSecurity.NONE, null), null, TIMEOUT),
                    "countersign@example.org", bad, "s", "b");
            assertEquals(MailFailure.INVALID_ADDRESS, result.failure(), "'" + bad + "': " + result.message());
        }
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void recipientRefusedByTheServerIsAddressRefused() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            // a minimal SMTP peer that knows no mailbox: every RCPT TO gets 550
            Thread peer = new Thread(() -> refusingSmtpPeer(listener));
            peer.setDaemon(true);
            peer.start();
            MailResult result = SmtpMailer.send(SmtpMailer.session(server(listener.getLocalPort(), MailSecurity.NONE, null), null, TIMEOUT),
                    "countersign@example.org", "nobody@example.org", "s", "b");
            assertEquals(MailFailure.ADDRESS_REFUSED, result.failure(), result.message());
            assertTrue(result.message().contains("nobody@example.org") && result.message().contains("550"), result.message());
        }
    }

    private static void refusingSmtpPeer(ServerSocket listener) {
        try (Socket s = listener.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream raw = s.getOutputStream();
             PrintWriter out = new PrintWriter(raw, true, StandardCharsets.US_ASCII)) {
            out.print("220 test ESMTP\r\n");
            out.flush();
            for (String line; (line = in.readLine()) != null; ) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                String reply = switch (verb) {
                    case "EHLO", "HELO" -> "250 test";
                    case "MAIL" -> "250 2.1.0 ok";
                    case "RCPT" -> "550 5.1.1 <nobody@example.org>: mailbox unknown";
                    case "QUIT" -> "221 bye";
                    default -> "250 ok";
                };
                out.print(reply + "\r\n");
                out.flush();
                if (verb.equals("QUIT")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client hung up
        }
    }
}
