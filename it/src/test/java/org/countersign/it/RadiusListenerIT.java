package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The RADIUS socket of the packaged EAR, driven by FreeRADIUS's radclient and by raw datagrams.
 * The server seeds the client 127.0.0.1 with the secret in {@code it.radius-secret}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RadiusListenerIT {

    private static final String SECRET = System.getProperty("it.radius-secret");
    private static final int REJECT_DELAY_MILLIS = Integer.getInteger("it.reject-delay-millis");
    private static final String REQUEST = "User-Name = \"alice\", User-Password = \"not-yet-checked\", Message-Authenticator = 0x00\n";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void serverAnswers() {
        Radclient.Result first = Radclient.sendUntilAnswered("auth", REQUEST, SECRET, 30);
        assertTrue(first.output().contains("Received "), "the server never answered radclient:\n" + first.output());
    }

    @Test
    void accessRequestWithMessageAuthenticatorIsRejectedAndRadclientAcceptsTheReply() {
        Radclient.Result result = Radclient.send("auth", REQUEST, SECRET);
        assertTrue(result.received("Access-Reject"), result.output());
        assertTrue(result.output().contains("Message-Authenticator"), "reply carries Message-Authenticator:\n" + result.output());
        assertTrue(!result.output().toLowerCase().contains("invalid"), "radclient found the reply invalid:\n" + result.output());
    }

    @Test
    void accountingRequestIsRecordedAndAnswered() {
        Radclient.Result result = Radclient.send("acct",
                "User-Name = \"alice\", Acct-Status-Type = Start, Acct-Session-Id = \"it-session-1\", NAS-Identifier = \"it-nas\"\n", SECRET);
        assertTrue(result.received("Accounting-Response"), result.output());
        Radclient.Result wrongSecret = Radclient.send("acct", "User-Name = \"alice\", Acct-Status-Type = Stop\n", SECRET + "-wrong");
        assertTrue(!wrongSecret.output().contains("Received "), "a bad Request Authenticator is dropped:\n" + wrongSecret.output());
    }

    @Test
    void statusServerIsAnswered() {
        Radclient.Result result = Radclient.send("status", "Message-Authenticator = 0x00\n", SECRET);
        assertTrue(result.received("Access-Accept"), result.output());
    }

    @Test
    void statusServerOnTheAccountingPortIsAnsweredWithAccountingResponse() {
        // how a NAS or a FreeRADIUS proxy checks that accounting is up (RFC 5997 section 3)
        Radclient.Result result = Radclient.sendStatus(Radclient.accountingPort(), "Message-Authenticator = 0x00\n", SECRET);
        assertTrue(result.received("Accounting-Response"), result.output());
        assertEquals(0, result.exitCode(), "radclient found the reply wanting:\n" + result.output());
    }

    @Test
    void wrongSharedSecretGetsNoReply() {
        Radclient.Result result = Radclient.send("auth", REQUEST, SECRET + "-wrong");
        assertTrue(!result.output().contains("Received "), result.output());
        assertValidRequestStillAnswered();
    }

    @Test
    void emptyAndShortDatagramsGetNoReplyAndServerGoesOn() throws IOException {
        assertEquals(Optional.empty(), UdpProbe.exchange("127.0.0.1", new byte[0], 700).map(String::new));
        byte[] nineteen = java.util.Arrays.copyOf(UdpProbe.accessRequest("alice", SECRET), 19);
        assertEquals(Optional.empty(), UdpProbe.exchange("127.0.0.1", nineteen, 700).map(String::new));
        assertValidRequestStillAnswered();
    }

    @Test
    void requestFromAnAddressThatIsNotAClientGetsNoReply() throws IOException {
        byte[] valid = UdpProbe.accessRequest("alice", SECRET);
        assertTrue(UdpProbe.exchange("127.0.0.1", valid, 3000).isPresent(), "the same request from the client address is answered");
        byte[] again = UdpProbe.accessRequest("alice", SECRET);
        assertEquals(Optional.empty(), UdpProbe.exchange("127.0.0.2", again, 1000).map(String::new));
        assertValidRequestStillAnswered();
    }

    @Test
    void accessRejectIsHeldBackByTheRejectDelay() throws IOException {
        long start = System.nanoTime();
        assertTrue(UdpProbe.exchange("127.0.0.1", UdpProbe.accessRequest("alice", SECRET), 3000).isPresent());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= REJECT_DELAY_MILLIS - 20, "answered after " + millis + " ms");
    }

    @Test
    void retransmissionGetsTheCachedAnswerByteForByte() throws IOException, InterruptedException {
        byte[] request = UdpProbe.accessRequest("alice", SECRET);
        java.util.List<byte[]> during = UdpProbe.retransmit(request, 50, 1500);
        assertEquals(1, during.size(), "a copy arriving while the reject is held back is dropped, not answered twice");
        java.util.List<byte[]> after = UdpProbe.retransmit(request, 0, 1500);
        assertTrue(after.size() >= 1, "a copy after the answer is answered from the cache");
        assertTrue(java.util.Arrays.equals(during.get(0), after.get(0)), "the same answer, byte for byte");
    }

    @Test
    void thousandsOfMutatedPacketsLeaveTheServerAnswering() throws IOException {
        java.util.Random random = new java.util.Random(5080);
        byte[] seed = UdpProbe.accessRequest("mallory", SECRET);
        int sent = 0;
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(new java.net.InetSocketAddress("127.0.0.1", 0))) {
            java.net.InetSocketAddress server = new java.net.InetSocketAddress("127.0.0.1", Integer.getInteger("it.radius-port"));
            for (int i = 0; i < 5000; i++) {
                byte[] mutated = java.util.Arrays.copyOf(seed, random.nextInt(4) == 0 ? random.nextInt(seed.length + 40) : seed.length);
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips && mutated.length > 0; f++) {
                    mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
                }
                if (random.nextInt(5) == 0 && mutated.length > 4) {
                    mutated[2] = (byte) random.nextInt(256);
                    mutated[3] = (byte) random.nextInt(256);
                }
                socket.send(new java.net.DatagramPacket(mutated, mutated.length, server));
                sent++;
            }
        }
        assertEquals(5000, sent);
        assertValidRequestStillAnswered();
    }

    private static void assertValidRequestStillAnswered() {
        Radclient.Result after = Radclient.send("auth", REQUEST, SECRET);
        assertTrue(after.received("Access-Reject"), "server stopped answering:\n" + after.output());
    }
}
