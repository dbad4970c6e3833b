package org.countersign.radius.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.transaction.xa.XAResource;
import org.countersign.api.radius.InflowReadiness;
import org.countersign.api.radius.RadiusClientEntry;
import org.countersign.api.radius.RadiusClientTable;
import org.countersign.api.radius.RadiusDecision;
import org.countersign.api.radius.RadiusReply;
import org.countersign.api.radius.RadiusRequestListener;
import org.countersign.api.radius.VerifiedAccessRequest;
import org.countersign.radius.wire.AttributeType;
import org.countersign.radius.wire.PacketCode;
import org.countersign.radius.wire.RadiusAttribute;
import org.countersign.radius.wire.RadiusCodec;
import org.countersign.radius.wire.RequestVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's bounded dispatch over a real UDP socket, with a thread-pool work manager and a listener that holds its
 * decisions until the test lets them go: places in flight, the backlog oldest first, and overload dropped and counted.
 */
class RadiusListenerEngineTest {

    private static final byte[] SECRET = "engine-test-secret-7c1d".getBytes(StandardCharsets.US_ASCII);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger scheduled = new AtomicInteger();
    private final Semaphore decisions = new Semaphore(0);
    private final AtomicInteger deciding = new AtomicInteger();
    private final List<String> entered = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Set<Object> deciders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger endpointsMade = new AtomicInteger();
    private final AtomicInteger endpointsReleased = new AtomicInteger();
    private final List<String> decided = Collections.synchronizedList(new ArrayList<>());
    private RadiusListenerEngine engine;
    private DatagramSocket client;

    @BeforeEach
    void open() throws Exception {
        InflowReadiness.applicationStarted();
        client = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
        client.setSoTimeout(200);
    }

    @AfterEach
    void close() {
        decisions.release(1_000);
        if (engine != null) {
            engine.close();
        }
        client.close();
        threads.shutdownNow();
    }

    @Test
    void placesInFlightThenTheBacklogOldestFirstThenOverloadDroppedAndCounted() throws Exception {
        engine = engine(2, 3);
        int scheduledBefore = scheduled.get();
        for (int i = 0; i < 10; i++) {
            send(accessRequest(i, "user" + i));
        }
        waitFor(() -> deciding.get() == 2 && engine.drops().total("overload") == 5, "2 deciding, 5 dropped as overload");
        Thread.sleep(200); // nothing more may start while both places are held
        assertEquals(2, deciding.get());
        assertEquals(List.of(), replies(), "nothing answered while the decisions are held");

        // one decision at a time: each freed place takes the oldest waiting request before the next is let go
        for (int k = 0; k < 3; k++) {
            decisions.release();
            int next = 3 + k;
            waitFor(() -> entered.size() == next && deciding.get() == 2, "request " + next + " taken from the backlog");
        }
        assertEquals(List.of("user2", "user3", "user4"), entered.subList(2, 5), "the backlog is decided oldest first");
        decisions.release(1_000);
        List<Integer> answered = replies(5);
        assertEquals(5, answered.size(), "the two in flight and the three waiting are answered: " + answered);
        assertEquals(List.of("user0", "user1", "user2", "user3", "user4"), decided.stream().sorted().toList());
        assertEquals(5, engine.drops().total("overload"), "the five beyond the backlog, and no others");
        assertEquals(2, scheduled.get() - scheduledBefore,
                "two workers were all the work scheduled for the ten datagrams: those that freed a place took the waiting requests themselves");
        assertEquals(2, deciders.size(), "each worker kept one endpoint for the requests it decided");
        waitFor(() -> endpointsReleased.get() == endpointsMade.get(), "every endpoint released once its worker ran out of requests");
    }

    @Test
    void aPlaceFreedWithNothingWaitingIsGivenBackAndTheNextRequestGetsANewWorker() throws Exception {
        engine = engine(1, 0);
        int scheduledBefore = scheduled.get();
        decisions.release(1_000);
        send(accessRequest(1, "first"));
        assertEquals(1, replies(1).size());
        send(accessRequest(2, "second"));
        assertEquals(1, replies(1).size());
        assertEquals(2, scheduled.get() - scheduledBefore, "a place given back: the next request needed a worker of its own");
        send(accessRequest(3, "third"));
        send(accessRequest(3, "third")); // a retransmission: answered from the duplicate cache or dropped, never decided twice
        int answers = replies().size();
        assertTrue(answers == 1 || answers == 2, answers + " answers");
        assertEquals(List.of("first", "second", "third"), decided);
    }

    @Test
    void aFailedDeliveryIsDroppedAndTheWorkerGoesOnWithAFreshEndpoint() throws Exception {
        engine = engine(1, 2);
        send(accessRequest(1, "held"));
        waitFor(() -> deciding.get() == 1, "the first request deciding");
        send(accessRequest(2, "boom"));
        send(accessRequest(3, "after"));
        send(accessRequest(4, "beyond"));
        // the receiver takes datagrams in order: once the fourth is dropped, the two before it wait in the backlog
        waitFor(() -> engine.drops().total("overload") == 1, "the two others waiting, the fourth dropped");
        assertEquals(1, entered.size());
        decisions.release(1_000);
        List<Integer> answered = replies(2);
        assertEquals(List.of(1, 3), answered.stream().sorted().toList(), "the failed one is not answered, the one after it is");
        assertEquals(1, engine.drops().total("internal error"));
        assertEquals(2, deciders.size(), "a new endpoint after the failed one");
        waitFor(() -> endpointsReleased.get() == endpointsMade.get(), "every endpoint released, the failed one too");
    }

    @Test
    void statusServerIsAnsweredInEachPortsKindAndNothingElseCrossesPorts() throws Exception {
        engine = engine(2, 3, 0);
        int acct = engine.accountingPort();
        byte[] status = RadiusCodec.encodeRequest(PacketCode.STATUS_SERVER, 31, authenticator(31), List.of(), SECRET, true);
        client.send(new DatagramPacket(status, status.length, new InetSocketAddress("127.0.0.1", acct)));
        byte[] reply = reply();
        assertEquals(PacketCode.ACCOUNTING_RESPONSE, reply[0] & 0xff, "the accounting port answers Status-Server with Accounting-Response");
        assertEquals(31, reply[1] & 0xff);
        assertTrue(RequestVerifier.replyAuthenticator(reply, authenticator(31), SECRET), "its Response Authenticator is right");

        send(RadiusCodec.encodeRequest(PacketCode.STATUS_SERVER, 32, authenticator(32), List.of(), SECRET, true));
        assertEquals(PacketCode.ACCESS_ACCEPT, reply()[0] & 0xff, "the authentication port answers it with Access-Accept");

        byte[] unsigned = RadiusCodec.encodeRequest(PacketCode.STATUS_SERVER, 33, authenticator(33), List.of(), SECRET, false);
        client.send(new DatagramPacket(unsigned, unsigned.length, new InetSocketAddress("127.0.0.1", acct)));
        byte[] access = accessRequest(34, "user34");
        client.send(new DatagramPacket(access, access.length, new InetSocketAddress("127.0.0.1", acct)));
        assertEquals(List.of(), replies(), "no answer to a Status-Server without Message-Authenticator, nor to an Access-Request, on the accounting port");
        assertEquals(1, engine.drops().total("Status-Server without valid Message-Authenticator"));
        assertEquals(1, engine.drops().total("accounting port got code Access-Request"));
        assertEquals(List.of(), entered, "the Access-Request never reached the listener");
    }

    /** The next datagram the client receives, within 10 s. */
    private byte[] reply() throws IOException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            byte[] reply = received();
            if (reply != null) {
                return reply;
            }
            assertTrue(System.nanoTime() < until, "no reply within 10 s");
        }
    }

    /** @return the datagram the client receives within its 200 ms timeout, or {@code null} when none arrives */
    private byte[] received() throws IOException {
        byte[] buffer = new byte[4096];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        try {
            client.receive(reply);
        } catch (SocketTimeoutException quiet) {
            return null;
        }
        return java.util.Arrays.copyOf(buffer, reply.getLength());
    }

    private RadiusListenerEngine engine(int maxInFlight, int backlog) throws Exception {
        return engine(maxInFlight, backlog, -1);
    }

    /** @param acctPort the accounting socket's port: 0 for any free one, -1 for none */
    private RadiusListenerEngine engine(int maxInFlight, int backlog, int acctPort) throws Exception {
        EngineSettings settings = new EngineSettings("127.0.0.1", 0, acctPort, maxInFlight, backlog, Duration.ofSeconds(1), Duration.ZERO);
        RadiusListenerEngine e = new RadiusListenerEngine(settings, workManager(), new Timer(true), new Timer(true), endpoints());
        e.open();
        engine = e;
        // the client table arrives on the engine's first timer tick; a Status-Server is answered once it has
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int id = 200;
        while (true) {
            send(RadiusCodec.encodeRequest(PacketCode.STATUS_SERVER, id++, authenticator(id), List.of(), SECRET, true));
            if (!replies().isEmpty()) {
                return e;
            }
            assertTrue(System.nanoTime() < until, "the engine answered no Status-Server within 10 s");
        }
    }

    private WorkManager workManager() {
        return new WorkManager() {
            @Override
            public void doWork(Work work) {
                work.run();
            }

            @Override
            public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
                work.run();
            }

            @Override
            public long startWork(Work work) {
                scheduleWork(work);
                return 0;
            }

            @Override
            public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
                scheduleWork(work);
                return 0;
            }

            @Override
            public void scheduleWork(Work work) {
                scheduled.incrementAndGet();
                threads.execute(work);
            }

            @Override
            public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
                scheduleWork(work);
            }
        };
    }

    private MessageEndpointFactory endpoints() {
        RadiusClientTable table = new RadiusClientTable(1, List.of(new RadiusClientEntry("test", "127.0.0.1", SECRET, true, false)));
        return new MessageEndpointFactory() {
            @Override
            public MessageEndpoint createEndpoint(XAResource resource) {
                return endpoint(table);
            }

            @Override
            public MessageEndpoint createEndpoint(XAResource resource, long timeout) {
                return endpoint(table);
            }

            @Override
            public boolean isDeliveryTransacted(Method method) {
                return false;
            }

            @Override
            public String getActivationName() {
                return "engine-test";
            }

            @Override
            public Class<?> getEndpointClass() {
                return RadiusRequestListener.class;
            }
        };
    }

    /** A listener that holds each Access-Request until the test releases a decision. */
    private MessageEndpoint endpoint(RadiusClientTable table) {
        endpointsMade.incrementAndGet();
        return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MessageEndpoint.class, RadiusRequestListener.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "clientTable" -> table;
                    case "onAccessRequest" -> {
                        entered.add(((VerifiedAccessRequest) args[0]).userName());
                        deciders.add(proxy);
                        if (((VerifiedAccessRequest) args[0]).userName().equals("boom")) {
                            throw new IllegalStateException("the endpoint failed");
                        }
                        deciding.incrementAndGet();
                        decisions.acquire();
                        deciding.decrementAndGet();
                        decided.add(((VerifiedAccessRequest) args[0]).userName());
                        yield new RadiusReply(RadiusDecision.ACCEPT, null, null, List.of());
                    }
                    case "release" -> {
                        endpointsReleased.incrementAndGet();
                        yield null;
                    }
                    case "beforeDelivery", "afterDelivery" -> null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "test endpoint";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static byte[] accessRequest(int id, String user) {
        byte[] authenticator = authenticator(id);
        return RadiusCodec.encodeRequest(PacketCode.ACCESS_REQUEST, id, authenticator,
                List.of(new RadiusAttribute(AttributeType.USER_NAME, user.getBytes(StandardCharsets.UTF_8))), SECRET, true);
    }

    private static byte[] authenticator(int id) {
        byte[] authenticator = new byte[16];
        authenticator[0] = (byte) id;
        authenticator[15] = 0x5a;
        return authenticator;
    }

    private void send(byte[] datagram) throws IOException {
        client.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress("127.0.0.1", engine.localPort())));
    }

    /** The identifiers of the replies that arrive until none has for 200 ms. */
    private List<Integer> replies() throws IOException {
        return replies(Integer.MAX_VALUE);
    }

    /** As {@link #replies()}, waiting up to 10 s for the first {@code expected}. */
    private List<Integer> replies(int expected) throws IOException {
        List<Integer> ids = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            byte[] reply = received();
            if (reply != null) {
                ids.add(reply[1] & 0xff);
            } else if (ids.size() >= expected || expected == Integer.MAX_VALUE || System.nanoTime() > until) {
                return ids;
            }
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "not within 10 s: " + what);
            Thread.sleep(10);
        }
    }
}
