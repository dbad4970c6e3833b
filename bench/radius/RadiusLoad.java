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
 * Prints requests/s, accepted, rejected, lost, latency percentiles measured per request, and its own CPU a request.
 * <p>
 * Before it measures, it sends the same load to a responder of its own on loopback (a thread answering every request
 * with an Access-Accept) until its own code is compiled: the packet, code and socket paths, 30,000 requests as fast as
 * they go and, for an open run, one second on the open schedule. Then it waits until its JIT compiler has been idle for
 * half a second (at most 5 s). Started cold, it used about a core for some 1,500 requests/s; warmed by packet and code
 * work alone (no sockets), it still compiled some 300 methods in the first half second of an open run, beside the server
 * under test on the same cores.
 * With {@code -Dtimeline=MS} (e.g. {@code java -Dtimeline=100 RadiusLoad.java ...}) it also prints, for every MS
 * milliseconds of sending in which an answer took 10 ms or more: the slice's wall-clock time, requests sent in it, answers
 * of 10 ms or more and of 20 ms or more, and the slowest answer. That places slow answers in time, beside the server's GC
 * log.
 */
public final class RadiusLoad {

    private static final int SOCKETS = 16;
    private static final long TIMEOUT_NANOS = 5_000_000_000L;
    /** Length of a timeline slice in nanoseconds, 0 without a timeline. */
    private static final long SLICE_NANOS = Long.getLong("timeline", 0) * 1_000_000L;
    private static final int SLICES = 10_000;
    private static final int WARM_UP_REQUESTS = 30_000;
    // one instance a thread, made once: a provider look-up a packet was a good part of the generator's own CPU
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> algorithm(() -> MessageDigest.getInstance("MD5")));
    private static final ThreadLocal<Mac> HMAC_MD5 = ThreadLocal.withInitial(() -> algorithm(() -> Mac.getInstance("HmacMD5")));
    private static final ThreadLocal<Mac> HMAC_SHA1 = ThreadLocal.withInitial(() -> algorithm(() -> Mac.getInstance("HmacSHA1")));

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

    /** What one run counted: answers by kind, latencies, and per timeline slice of send time. */
    private static final class Run {
        final long start = System.nanoTime();
        /** Wall-clock time of {@link #start}, for the timeline. */
        final long startMillis = System.currentTimeMillis();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong other = new AtomicLong();
        final AtomicLong lost = new AtomicLong();
        final AtomicLong lastAnswer = new AtomicLong();
        final AtomicLongArray histogram = new AtomicLongArray(100_000); // 10 us buckets up to 1 s; last bucket is 1 s and more
        // per slice of send time: requests sent, answers of 10 ms or more, of 20 ms or more, slowest answer (us)
        final AtomicLongArray sliceSent = new AtomicLongArray(SLICE_NANOS > 0 ? SLICES : 0);
        final AtomicLongArray sliceOver10 = new AtomicLongArray(SLICE_NANOS > 0 ? SLICES : 0);
        final AtomicLongArray sliceOver20 = new AtomicLongArray(SLICE_NANOS > 0 ? SLICES : 0);
        final AtomicLongArray sliceMax = new AtomicLongArray(SLICE_NANOS > 0 ? SLICES : 0);
        /** Closed loop only: a free place in the window per answer (an open loop sends on its schedule whatever comes back). */
        final Semaphore window;
        volatile boolean stop;
        long sent;
        long sendEnd;

        Run(Semaphore window) {
            this.window = window;
        }

        long answered() {
            return accepted.get() + rejected.get() + other.get();
        }

        int slice(long nanos) {
            return (int) Math.min(SLICES - 1, Math.max(0, (nanos - start) / SLICE_NANOS));
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

        // the generator's own path compiled before anything is measured, against a responder of its own (see above)
        long warmStart = System.nanoTime();
        long warmed;
        try (Responder responder = new Responder(secret)) {
            warmed = drive(responder.address(), secret, users, false, 64, 60, WARM_UP_REQUESTS, 0).sent;
            if (open) {
                warmed += drive(responder.address(), secret, users, true, rateOrWindow, 1, Long.MAX_VALUE, 0).sent;
            }
        }
        long quiet = awaitCompilerIdle(500, 5000);
        // printed after the run: formatting now would compile (and make the JIT busy) just as the measurement starts
        String warmUp = String.format("generator warm-up: %d requests to its own responder in %.1f s, its compiler idle %.1f s after",
                warmed, (quiet - warmStart) / 1e9, (System.nanoTime() - quiet) / 1e9);

        long cpuBefore = processCpuNanos();
        Run run = drive(server, secret, users, open, rateOrWindow, seconds, maxRequests, stepOffset);
        long cpu = processCpuNanos() - cpuBefore;
        long answered = run.answered();
        double wall = (run.sendEnd - run.start) / 1e9;
        System.out.printf("mode=%s %s=%d users=%d sent=%d in %.2f s: accepted=%d rejected=%d other=%d lost=%d%n",
                open ? "open" : "closed", open ? "rate" : "window", rateOrWindow, users.size(), run.sent, wall,
                run.accepted.get(), run.rejected.get(), run.other.get(), run.sent - answered);
        System.out.printf("throughput=%.0f answers/s  p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%s%n",
                answered / ((Math.max(run.sendEnd, run.lastAnswer.get()) - run.start) / 1e9),
                percentile(run.histogram, answered, 0.50), percentile(run.histogram, answered, 0.95), percentile(run.histogram, answered, 0.99),
                percentile(run.histogram, answered, 1.0) >= 999.99 ? ">=1 s" : String.format("%.2f ms", percentile(run.histogram, answered, 1.0)));
        System.out.printf("generator CPU %.3f ms a request; %s%n", cpu / 1e6 / Math.max(1, run.sent), warmUp);
        if (SLICE_NANOS > 0) {
            printTimeline(run, (int) Math.min(SLICES - 1, (run.sendEnd - run.start) / SLICE_NANOS));
        }
        System.exit(0);
    }

    /**
     * Sends requests to {@code target}, open or closed loop, for at most {@code seconds} and {@code maxRequests}, then
     * waits for the answers (at most the timeout) and returns what it counted.
     */
    private static Run drive(InetSocketAddress target, byte[] secret, List<User> users, boolean open, int rateOrWindow, long seconds,
                             long maxRequests, long stepOffset) throws Exception {
        Channel[] channels = new Channel[SOCKETS];
        for (int i = 0; i < SOCKETS; i++) {
            channels[i] = new Channel();
        }
        Run run = new Run(open ? null : new Semaphore(rateOrWindow));
        List<Thread> receivers = new ArrayList<>();
        for (Channel channel : channels) {
            Thread t = new Thread(() -> receive(channel, secret, run));
            t.setDaemon(true);
            t.start();
            receivers.add(t);
        }

        long startStep = System.currentTimeMillis() / 1000 / 30;
        SecureRandom random = new SecureRandom();
        long start = run.start;
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
                run.window.acquire();
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
            if (SLICE_NANOS > 0) {
                run.sliceSent.incrementAndGet(run.slice(slot.sentAt));
            }
            channel.socket.send(new DatagramPacket(packet, packet.length, target));
            sent++;
        }
        run.sent = sent;
        run.sendEnd = System.nanoTime();
        long drainUntil = System.nanoTime() + TIMEOUT_NANOS;
        while (run.answered() + run.lost.get() < sent && System.nanoTime() < drainUntil) {
            Thread.sleep(20);
        }
        run.stop = true;
        for (Thread receiver : receivers) {
            receiver.join();
        }
        for (Channel channel : channels) {
            channel.socket.close();
        }
        return run;
    }

    private static void receive(Channel channel, byte[] secret, Run run) {
        byte[] buffer = new byte[4096];
        while (!run.stop) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                channel.socket.receive(packet);
            } catch (SocketTimeoutException e) {
                long now = System.nanoTime();
                for (int id = 0; id < 256; id++) {
                    Slot slot = channel.slots[id];
                    if (slot.authenticator != null && now - slot.sentAt > TIMEOUT_NANOS) {
                        slot.authenticator = null;
                        run.lost.incrementAndGet();
                        channel.ids.add(id);
                        channel.free.release();
                        if (run.window != null) {
                            run.window.release();
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
            run.lastAnswer.accumulateAndGet(now, Math::max);
            long micros = (now - slot.sentAt) / 1000;
            run.histogram.incrementAndGet((int) Math.min(run.histogram.length() - 1, micros / 10));
            if (SLICE_NANOS > 0 && micros >= 10_000) {
                int slice = run.slice(slot.sentAt);
                run.sliceOver10.incrementAndGet(slice);
                if (micros >= 20_000) {
                    run.sliceOver20.incrementAndGet(slice);
                }
                for (long max = run.sliceMax.get(slice); micros > max && !run.sliceMax.compareAndSet(slice, max, micros); ) {
                    max = run.sliceMax.get(slice);
                }
            }
            switch (buffer[0] & 0xff) {
                case 2 -> run.accepted.incrementAndGet();
                case 3 -> run.rejected.incrementAndGet();
                default -> run.other.incrementAndGet();
            }
            channel.ids.add(id);
            channel.free.release();
            if (run.window != null) {
                run.window.release();
            }
        }
    }

    /**
     * Answers every Access-Request on a loopback socket of its own with an Access-Accept without attributes (Response
     * Authenticator as RFC 2865 section 3 computes it), from one thread, until closed: the generator's partner while it
     * warms up.
     */
    private static final class Responder implements AutoCloseable {
        private final DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        private final Thread thread;

        Responder(byte[] secret) throws Exception {
            socket.setReceiveBufferSize(1 << 20);
            thread = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try {
                    while (true) {
                        DatagramPacket request = new DatagramPacket(buffer, buffer.length);
                        socket.receive(request);
                        byte[] reply = new byte[20];
                        reply[0] = 2;
                        reply[1] = buffer[1];
                        reply[3] = 20;
                        System.arraycopy(responseAuthenticator(reply, reply.length, Arrays.copyOfRange(buffer, 4, 20), secret), 0, reply, 4, 16);
                        socket.send(new DatagramPacket(reply, reply.length, request.getSocketAddress()));
                    }
                } catch (Exception closed) {
                    // the socket was closed: warm-up is over
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            thread.join();
        }
    }

    /**
     * Waits until the JIT compiler has compiled nothing for {@code idleMillis}, or {@code maxMillis} have passed; returns
     * the System.nanoTime() at which the wait began.
     */
    private static long awaitCompilerIdle(long idleMillis, long maxMillis) throws InterruptedException {
        long began = System.nanoTime();
        java.lang.management.CompilationMXBean compiler = java.lang.management.ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            Thread.sleep(idleMillis);
            return began;
        }
        long last = compiler.getTotalCompilationTime();
        long idleSince = System.nanoTime();
        while ((System.nanoTime() - idleSince) / 1_000_000 < idleMillis && (System.nanoTime() - began) / 1_000_000 < maxMillis) {
            Thread.sleep(50);
            long now = compiler.getTotalCompilationTime();
            if (now != last) {
                last = now;
                idleSince = System.nanoTime();
            }
        }
        return began;
    }

    /** CPU time of this process so far (all its threads, the JIT compiler and collector included). */
    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static void printTimeline(Run run, int lastSlice) {
        java.time.format.DateTimeFormatter clock = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
                .withZone(java.time.ZoneId.systemDefault());
        System.out.printf("timeline: slices of %d ms with an answer of 10 ms or more (of %d slices)%n", SLICE_NANOS / 1_000_000, lastSlice + 1);
        for (int i = 0; i <= lastSlice; i++) {
            if (run.sliceOver10.get(i) > 0) {
                System.out.printf("  %s +%6d ms  sent %5d  >=10 ms %5d  >=20 ms %5d  slowest %.1f ms%n",
                        clock.format(java.time.Instant.ofEpochMilli(run.startMillis + i * SLICE_NANOS / 1_000_000)),
                        i * SLICE_NANOS / 1_000_000, run.sliceSent.get(i), run.sliceOver10.get(i), run.sliceOver20.get(i),
                        run.sliceMax.get(i) / 1000.0);
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

    private static boolean responseAuthenticatorValid(byte[] packet, int length, byte[] requestAuthenticator, byte[] secret) {
        try {
            return MessageDigest.isEqual(responseAuthenticator(packet, length, requestAuthenticator, secret), Arrays.copyOfRange(packet, 4, 20));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** RFC 2865 section 3: ResponseAuth = MD5(Code+ID+Length+RequestAuth+Attributes+Secret), for a reply of {@code length} octets. */
    private static byte[] responseAuthenticator(byte[] reply, int length, byte[] requestAuthenticator, byte[] secret) {
        MessageDigest md5 = MD5.get();
        md5.reset(); // a call that failed half-way leaves nothing behind for this thread's next
        md5.update(reply, 0, 4);
        md5.update(requestAuthenticator);
        md5.update(reply, 20, length - 20);
        md5.update(secret);
        return md5.digest();
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
        Mac mac = HMAC_MD5.get();
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
        MessageDigest md5 = MD5.get();
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
        Mac mac = HMAC_SHA1.get();
        mac.init(new SecretKeySpec(seed, "HmacSHA1"));
        byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0xf;
        int binary = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        byte[] code = new byte[6]; // six digits, leading zeros kept (no Formatter in the generator's hot path)
        for (int i = 5, rest = binary % 1_000_000; i >= 0; i--, rest /= 10) {
            code[i] = (byte) ('0' + rest % 10);
        }
        return code;
    }

    private interface Algorithm<T> {
        T get() throws java.security.GeneralSecurityException;
    }

    private static <T> T algorithm(Algorithm<T> make) {
        try {
            return make.get();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
