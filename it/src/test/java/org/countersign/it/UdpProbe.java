package org.countersign.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends raw datagrams to the server under test from a chosen local address, independently of the
 * server's own codec, and waits a bounded time for an answer.
 */
final class UdpProbe {

    private UdpProbe() {
    }

    /** Sends the bytes from {@code localAddress} and returns the answer, or empty if none came within the timeout. */
    static Optional<byte[]> exchange(String localAddress, byte[] datagram, int timeoutMillis) throws IOException {
        return exchange(localAddress, Integer.getInteger("it.radius-port"), datagram, timeoutMillis);
    }

    /** As {@link #exchange(String, byte[], int)}, to a given server port (inside the server the test properties are not set). */
    static Optional<byte[]> exchange(String localAddress, int port, byte[] datagram, int timeoutMillis) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(localAddress), 0))) {
            socket.setSoTimeout(timeoutMillis);
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
            socket.send(new DatagramPacket(datagram, datagram.length, server));
            byte[] buffer = new byte[4096];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(answer);
                return Optional.of(java.util.Arrays.copyOf(buffer, answer.getLength()));
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
        }
    }

    /** Sends the same bytes twice from one socket (a retransmission), {@code gapMillis} apart; returns both answers. */
    static java.util.List<byte[]> retransmit(byte[] datagram, int gapMillis, int timeoutMillis) throws IOException, InterruptedException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            socket.setSoTimeout(timeoutMillis);
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.getInteger("it.radius-port"));
            java.util.List<byte[]> answers = new java.util.ArrayList<>();
            socket.send(new DatagramPacket(datagram, datagram.length, server));
            Thread.sleep(gapMillis);
            socket.send(new DatagramPacket(datagram, datagram.length, server));
            byte[] buffer = new byte[4096];
            for (int i = 0; i < 2; i++) {
                DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(answer);
                    answers.add(java.util.Arrays.copyOf(buffer, answer.getLength()));
                } catch (SocketTimeoutException e) {
                    break;
                }
            }
            return answers;
        }
    }

    /** A well-formed Access-Request with User-Name and a valid Message-Authenticator (RFC 3579 section 3.2). */
    static byte[] accessRequest(String userName, String secret) {
        try {
            byte[] user = userName.getBytes(StandardCharsets.UTF_8);
            int length = 20 + 2 + user.length + 18;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(1);
            out.write(new SecureRandom().nextInt(256));
            out.write(length >> 8);
            out.write(length & 0xff);
            byte[] authenticator = new byte[16];
            new SecureRandom().nextBytes(authenticator);
            out.write(authenticator);
            out.write(1);
            out.write(2 + user.length);
            out.write(user);
            out.write(80);
            out.write(18);
            out.write(new byte[16]);
            byte[] packet = out.toByteArray();
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            byte[] tag = mac.doFinal(packet);
            System.arraycopy(tag, 0, packet, packet.length - 16, 16);
            return packet;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An Access-Request with User-Name, User-Password hidden as RFC 2865 section 5.2 says, an optional State, and a
     * Message-Authenticator (RFC 3579 section 3.2) computed under {@code secret}, or with its last octet flipped when
     * {@code spoilMessageAuthenticator}.
     */
    static byte[] accessRequest(String userName, String password, byte[] state, String secret, boolean spoilMessageAuthenticator) {
        try {
            SecureRandom random = new SecureRandom();
            byte[] authenticator = new byte[16];
            random.nextBytes(authenticator);
            ByteArrayOutputStream attributes = new ByteArrayOutputStream();
            attribute(attributes, 1, userName.getBytes(StandardCharsets.UTF_8));
            attribute(attributes, 2, hidePassword(password.getBytes(StandardCharsets.UTF_8), authenticator, secret.getBytes(StandardCharsets.UTF_8)));
            if (state != null) {
                attribute(attributes, 24, state);
            }
            attribute(attributes, 80, new byte[16]);
            int length = 20 + attributes.size();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(1);
            out.write(random.nextInt(256));
            out.write(length >> 8);
            out.write(length & 0xff);
            out.write(authenticator);
            out.write(attributes.toByteArray());
            byte[] packet = out.toByteArray();
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            byte[] tag = mac.doFinal(packet);
            if (spoilMessageAuthenticator) {
                tag[15] ^= 1;
            }
            System.arraycopy(tag, 0, packet, packet.length - 16, 16);
            return packet;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void attribute(ByteArrayOutputStream out, int type, byte[] value) throws IOException {
        out.write(type);
        out.write(2 + value.length);
        out.write(value);
    }

    /** RFC 2865 section 5.2: c(i) = p(i) xor MD5(S + c(i-1)), c(0) = Request Authenticator, padded with NULs to 16-octet blocks. */
    private static byte[] hidePassword(byte[] password, byte[] authenticator, byte[] secret) throws GeneralSecurityException {
        int blocks = Math.max(1, (password.length + 15) / 16);
        byte[] padded = java.util.Arrays.copyOf(password, blocks * 16);
        byte[] previous = authenticator;
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        for (int b = 0; b < blocks; b++) {
            md5.update(secret);
            md5.update(previous);
            byte[] mask = md5.digest();
            for (int i = 0; i < 16; i++) {
                padded[b * 16 + i] ^= mask[i];
            }
            previous = java.util.Arrays.copyOfRange(padded, b * 16, b * 16 + 16);
        }
        return padded;
    }

    /** @return the RADIUS code of an answer (2 Access-Accept, 3 Access-Reject, 11 Access-Challenge) */
    static int code(byte[] answer) {
        return answer[0] & 0xff;
    }
}
