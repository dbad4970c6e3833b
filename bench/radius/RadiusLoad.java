import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A RADIUS Access-Request load generator written for Countersign's benchmark (bench/radius/run.sh).
 *
 * <pre>
 * java RadiusLoad.java HOST PORT SECRET USERS_FILE MODE RATE_OR_WINDOW SECONDS [PASSES [STEP_OFFSET]]
 *   USERS_FILE  one user a line: login TAB password [TAB hex TOTP seed (SHA-1, 30 s, 6 digits)]
 *   MODE        "open" : RATE_OR_WINDOW requests per second, sent on a fixed schedule (latency under a given load)
 *               "closed": RATE_OR_WINDOW requests outstanding at all times (the most the server can do)
 *   SECONDS     how long to send at most; PASSES bounds how often each user is used (default unbounded)
 * </pre>
 *
 * With a seed, the password sent is password + TOTP code. Pass k (from 0) over the user list uses the code of time
 * step (step at start + STEP_OFFSET + k), so each user's codes arrive in increasing steps, one pass apart, as a replay-protected
 * server requires. Every request carries Message-Authenticator. Each of 16 sockets has its own 256 identifiers.
 * Prints requests/s, accepted, rejected, lost, and latency percentiles measured per request.
 */
public final class RadiusLoad {

    private static final int SOCKETS = 16;
    private static final long TIMEOUT_NANOS = 5_000_000_000L;

    record User(String login, byte[] password, byte[] seed) {
    }

    private static final class Slot {
        volatile long sentAt;
        volatile byte[] authenticator;
    }

    private static final class Channel {
        final DatagramSocket socket;
        final Slot[] slots = new Slot[256];
        final Semaphore free = new Semaphore(256);
        final java.util.concurrent.ConcurrentLinkedQueue<Integer> ids = new java.util.concurrent.ConcurrentLinkedQueue<>();

        Channel() throws Exception {
            socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            socket.setSoTimeout(200);
            socket.setReceiveBufferSize(1 << 20);
            for (int i = 0; i < 256; i++) {
                slots[i] = new Slot();
                ids.add(i);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("usage: java RadiusLoad.java HOST PORT SECRET USERS_FILE open|closed RATE_OR_WINDOW SECONDS [PASSES [STEP_OFFSET]]");
            System.exit(2);
        }
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        byte[] secret = args[2].getBytes(StandardCharsets.UTF_8);
        List<User> users = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            String[] f = line.split("\t");
            if (f.length >= 2) {
                users.add(new User(f[0], f[1].getBytes(StandardCharsets.UTF_8), f.length > 2 ? HexFormat.of().parseHex(f[2]) : null));
            }
        }
        boolean open = args[4].equals("open");
        int rateOrWindow = Integer.parseInt(args[5]);
        long seconds = Long.parseLong(args[6]);
        long passes = args.length > 7 ? Long.parseLong(args[7]) : Long.MAX_VALUE;
        long stepOffset = args.length > 8 ? Long.parseLong(args[8]) : 0;
        long maxRequests = passes == Long.MAX_VALUE ? Long.MAX_VALUE : passes * users.size();

        // the generator's own request and answer code compiled before anything is measured: cold, it was the bottleneck
        // of the faster server (about a core for some 1,500 requests/s)
        byte[] scratch = new byte[16];
        for (int i = 0; i < 30_000; i++) {
            User user = users.get(i % users.size());
            byte[] password = user.seed() == null ? user.password() : concat(user.password(), totp(user.seed(), i));
            byte[] packet = accessRequest(i & 0xff, scratch, user.login(), password, secret);
            responseAuthenticatorValid(packet, packet.length, scratch, secret);
        }

        Channel[] channels = new Channel[SOCKETS];
        for (int i = 0; i < SOCKETS; i++) {
            channels[i] = new Channel();
        }
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        AtomicLongArray histogram = new AtomicLongArray(100_000); // 10 us buckets up to 1 s; last bucket is 1 s and more
        // closed loop only: a free place in the window per answer (an open loop sends on its schedule whatever comes back)
        Semaphore window = open ? null : new Semaphore(rateOrWindow);
        volatileStop = false;

        List<Thread> receivers = new ArrayList<>();
        for (Channel channel : channels) {
            Thread t = new Thread(() -> receive(channel, secret, accepted, rejected, other, lost, histogram, window));
            t.setDaemon(true);
            t.start();
            receivers.add(t);
        }

        long startStep = System.currentTimeMillis() / 1000 / 30;
        SecureRandom random = new SecureRandom();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        long sent = 0;
        long intervalNanos = open ? 1_000_000_000L / rateOrWindow : 0;
        while (sent < maxRequests && System.nanoTime() < deadline) {
            if (open) {
                long due = start + sent * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            } else {
                window.acquire();
            }
            User user = users.get((int) (sent % users.size()));
            long pass = sent / users.size();
            Channel channel = channels[(int) (sent % SOCKETS)];
            channel.free.acquire();
            int id = channel.ids.poll();
            byte[] authenticator = new byte[16];
            random.nextBytes(authenticator);
            byte[] password = user.seed() == null ? user.password() : concat(user.password(), totp(user.seed(), startStep + stepOffset + pass));
            byte[] packet = accessRequest(id, authenticator, user.login(), password, secret);
            Slot slot = channel.slots[id];
            slot.authenticator = authenticator;
            slot.sentAt = System.nanoTime();
            channel.socket.send(new DatagramPacket(packet, packet.length, server));
            sent++;
        }
        long sendEnd = System.nanoTime();
        long drainUntil = System.nanoTime() + TIMEOUT_NANOS;
        while (accepted.get() + rejected.get() + other.get() + lost.get() < sent && System.nanoTime() < drainUntil) {
            Thread.sleep(20);
        }
        volatileStop = true;
        long answered = accepted.get() + rejected.get() + other.get();
        long missing = sent - answered;
        double wall = (sendEnd - start) / 1e9;
        System.out.printf("mode=%s %s=%d users=%d sent=%d in %.2f s: accepted=%d rejected=%d other=%d lost=%d%n",
                open ? "open" : "closed", open ? "rate" : "window", rateOrWindow, users.size(), sent, wall,
                accepted.get(), rejected.get(), other.get(), missing);
        System.out.printf("throughput=%.0f answers/s  p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%s%n",
                answered / ((Math.max(sendEnd, LAST_ANSWER.get()) - start) / 1e9),
                percentile(histogram, answered, 0.50), percentile(histogram, answered, 0.95), percentile(histogram, answered, 0.99),
                percentile(histogram, answered, 1.0) >= 999.99 ? ">=1 s" : String.format("%.2f ms", percentile(histogram, answered, 1.0)));
        System.exit(0);
    }

    private static volatile boolean volatileStop;
    private static final AtomicLong LAST_ANSWER = new AtomicLong();

    private static void receive(Channel channel, byte[] secret, AtomicLong accepted, AtomicLong rejected, AtomicLong other, AtomicLong lost,
                                AtomicLongArray histogram, Semaphore window) {
        byte[] buffer = new byte[4096];
        while (!volatileStop) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                channel.socket.receive(packet);
            } catch (SocketTimeoutException e) {
                long now = System.nanoTime();
                for (int id = 0; id < 256; id++) {
                    Slot slot = channel.slots[id];
                    if (slot.authenticator != null && now - slot.sentAt > TIMEOUT_NANOS) {
                        slot.authenticator = null;
                        lost.incrementAndGet();
                        channel.ids.add(id);
                        channel.free.release();
                        if (window != null) {
                            window.release();
                        }
                    }
                }
                continue;
            } catch (Exception e) {
                return;
            }
            long now = System.nanoTime();
            if (packet.getLength() < 20) {
                continue;
            }
            int id = buffer[1] & 0xff;
            Slot slot = channel.slots[id];
            byte[] requestAuthenticator = slot.authenticator;
            if (requestAuthenticator == null || !responseAuthenticatorValid(buffer, packet.getLength(), requestAuthenticator, secret)) {
                continue;
            }
            slot.authenticator = null;
            LAST_ANSWER.accumulateAndGet(now, Math::max);
            long micros = (now - slot.sentAt) / 1000;
            histogram.incrementAndGet((int) Math.min(histogram.length() - 1, micros / 10));
            switch (buffer[0] & 0xff) {
                case 2 -> accepted.incrementAndGet();
                case 3 -> rejected.incrementAndGet();
                default -> other.incrementAndGet();
            }
            channel.ids.add(id);
            channel.free.release();
            if (window != null) {
                window.release();
            }
        }
    }

    private static double percentile(AtomicLongArray histogram, long total, double p) {
        if (total == 0) {
            return 0;
        }
        long wanted = (long) Math.ceil(total * p);
        long seen = 0;
        for (int i = 0; i < histogram.length(); i++) {
            seen += histogram.get(i);
            if (seen >= wanted) {
                return (i + 1) * 0.01;
            }
        }
        return histogram.length() * 0.01;
    }

    /** RFC 2865 section 3: ResponseAuth = MD5(Code+ID+Length+RequestAuth+Attributes+Secret). */
    private static boolean responseAuthenticatorValid(byte[] packet, int length, byte[] requestAuthenticator, byte[] secret) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(packet, 0, 4);
            md5.update(requestAuthenticator);
            md5.update(packet, 20, length - 20);
            md5.update(secret);
            return MessageDigest.isEqual(md5.digest(), Arrays.copyOfRange(packet, 4, 20));
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] accessRequest(int id, byte[] authenticator, String login, byte[] password, byte[] secret) throws Exception {
        ByteArrayOutputStream attributes = new ByteArrayOutputStream();
        attribute(attributes, 80, new byte[16]); // Message-Authenticator first, filled below
        attribute(attributes, 1, login.getBytes(StandardCharsets.UTF_8));
        attribute(attributes, 2, hide(password, authenticator, secret));
        int length = 20 + attributes.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        out.write(1);
        out.write(id);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(authenticator);
        out.write(attributes.toByteArray());
        byte[] packet = out.toByteArray();
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(secret, "HmacMD5"));
        System.arraycopy(mac.doFinal(packet), 0, packet, 22, 16);
        return packet;
    }

    private static void attribute(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type);
        out.write(2 + value.length);
        out.writeBytes(value);
    }

    /** RFC 2865 section 5.2. */
    private static byte[] hide(byte[] password, byte[] authenticator, byte[] secret) throws Exception {
        int blocks = Math.max(1, (password.length + 15) / 16);
        byte[] out = Arrays.copyOf(password, blocks * 16);
        byte[] previous = authenticator;
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (int b = 0; b < blocks; b++) {
            md5.update(secret);
            md5.update(previous);
            byte[] mask = md5.digest();
            for (int i = 0; i < 16; i++) {
                out[b * 16 + i] ^= mask[i];
            }
            previous = Arrays.copyOfRange(out, b * 16, b * 16 + 16);
        }
        return out;
    }

    /** RFC 6238 TOTP, SHA-1, 6 digits, for the given time step. */
    private static byte[] totp(byte[] seed, long step) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(seed, "HmacSHA1"));
        byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0xf;
        int binary = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
