package org.countersign.radius.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.countersign.api.radius.RadiusClientEntry;
import org.countersign.api.radius.InflowReadiness;
import org.countersign.api.radius.RadiusClientTable;
import org.countersign.api.radius.RadiusRequestListener;
import org.countersign.radius.wire.RadiusDictionary;

/**
 * The open RADIUS sockets (authentication and accounting), each with its receive loop, sharing the bounded
 * request workers, the duplicate cache and the client table.
 * The receive loop only reads, checks the length and the source address, and hands the datagram on;
 * it never waits for a decision.
 */
final class RadiusListenerEngine {

    private static final Logger LOG = Logger.getLogger(RadiusListenerEngine.class.getName());
    private static final int MAX_DATAGRAM = 4096;
    private static final int MIN_PACKET = 20;
    private static final long STARTUP_RETRY_MILLIS = 500;
    /** How long an answer is kept for retransmissions (RFC 5080 section 2.2.2; FreeRADIUS's cleanup_delay). */
    private static final long DUPLICATE_LIFETIME_NANOS = 5_000_000_000L;

    private final EngineSettings settings;
    private final WorkManager workManager;
    private final Timer timer;
    private final Timer sendTimer;
    private final DuplicateCache duplicates = new DuplicateCache(DUPLICATE_LIFETIME_NANOS, 200_000);
    private final java.util.concurrent.atomic.LongAdder resent = new java.util.concurrent.atomic.LongAdder();
    private final MessageEndpointFactory factory;
    private final Semaphore inFlight;
    /** Requests waiting for a place in flight, oldest first; {@code null} when the backlog is 0. */
    private final ArrayBlockingQueue<Waiting> backlog;
    private final DropCounters drops = new DropCounters();
    private final AtomicReference<ClientMatcher> clients = new AtomicReference<>(ClientMatcher.EMPTY);
    private final RadiusDictionary dictionary = RadiusDictionary.standard();
    private volatile DatagramSocket authSocket;
    private volatile DatagramSocket acctSocket;
    private volatile Outbox authOutbox;
    private volatile Outbox acctOutbox;
    private volatile boolean closed;
    private volatile long lastRefreshNanos;

    RadiusListenerEngine(EngineSettings settings, WorkManager workManager, Timer timer, Timer sendTimer, MessageEndpointFactory factory) {
        this.settings = settings;
        this.workManager = workManager;
        this.timer = timer;
        this.sendTimer = sendTimer;
        this.factory = factory;
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.backlog = settings.backlog() == 0 ? null : new ArrayBlockingQueue<>(settings.backlog());
    }

    void open() throws ResourceException {
        authSocket = bind(settings.authPort(), "countersign.radius.auth-port");
        authOutbox = new Outbox(authSocket, this::notSent);
        if (settings.acctPort() >= 0) {
            try {
                acctSocket = bind(settings.acctPort(), "countersign.radius.acct-port");
            } catch (ResourceException e) {
                authSocket.close();
                throw e;
            }
            acctOutbox = new Outbox(acctSocket, this::notSent);
        }
        try {
            workManager.scheduleWork(new ReceiveLoop(authSocket, "auth"), WorkManager.INDEFINITE, null, null);
            if (acctSocket != null) {
                workManager.scheduleWork(new ReceiveLoop(acctSocket, "acct"), WorkManager.INDEFINITE, null, null);
            }
        } catch (WorkException e) {
            close();
            throw new ResourceException("cannot start the RADIUS receive loop", e);
        }
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                refreshClientsIfDue();
                duplicates.sweep(System.nanoTime());
            }
        }, 0, STARTUP_RETRY_MILLIS);
    }

    private DatagramSocket bind(int port, String property) throws ResourceException {
        try {
            DatagramSocket s = new DatagramSocket(null);
            s.setReceiveBufferSize(4 * 1024 * 1024);
            s.bind(new InetSocketAddress(settings.bindAddress(), port));
            return s;
        } catch (IOException | IllegalArgumentException e) {
            throw new ResourceException("cannot bind the RADIUS socket to UDP " + settings.bindAddress() + ":" + port
                    + " (" + e.getMessage() + "); is another RADIUS server running? Set " + property + " to use another port", e);
        }
    }

    int localPort() {
        DatagramSocket s = authSocket;
        return s == null ? -1 : s.getLocalPort();
    }

    boolean isAccountingSocket(DatagramSocket socket) {
        return socket == acctSocket;
    }

    int accountingPort() {
        DatagramSocket s = acctSocket;
        return s == null ? -1 : s.getLocalPort();
    }

    boolean servesFactory(MessageEndpointFactory other) {
        return factory == other;
    }

    void close() {
        closed = true;
        timer.cancel();
        sendTimer.cancel();
        for (DatagramSocket s : new DatagramSocket[] {authSocket, acctSocket}) {
            if (s != null) {
                s.close();
            }
        }
        LOG.info("RADIUS sockets closed; retransmissions answered from cache: " + resent.sum()
                + "; dropped since start: " + drops.snapshot());
    }

    DropCounters drops() {
        return drops;
    }

    /** Reloads the client table on the first ticks until it succeeds, then every refresh period. */
    private void refreshClientsIfDue() {
        if (closed || !InflowReadiness.isApplicationStarted()) {
            return;
        }
        long now = System.nanoTime();
        boolean loaded = lastRefreshNanos != 0;
        if (loaded && now - lastRefreshNanos < settings.clientRefresh().toNanos()) {
            return;
        }
        try {
            RadiusClientTable table = callListener(RadiusRequestListener::clientTable);
            if (table.version() != clients.get().version()) {
                clients.set(ClientMatcher.of(table));
                LOG.info("RADIUS client table loaded: " + table.clients().size() + " client(s)");
            }
            lastRefreshNanos = now;
        } catch (UnavailableException | RuntimeException e) {
            Level level = loaded ? Level.WARNING : Level.FINE;
            LOG.log(level, "RADIUS client table could not be loaded; keeping the previous one: " + e);
        }
    }

    /** One call on an endpoint of its own (the client table refresh); request workers keep theirs, {@link #createEndpoint()}. */
    private <T> T callListener(Function<RadiusRequestListener, T> call) throws UnavailableException {
        MessageEndpoint endpoint = createEndpoint();
        try {
            return call.apply((RadiusRequestListener) endpoint);
        } finally {
            endpoint.release();
        }
    }

    MessageEndpoint createEndpoint() throws UnavailableException {
        return factory.createEndpoint(null);
    }

    /** Sends a reply on the socket its request came in on, without waiting for other threads' replies (see {@link Outbox}). */
    void send(byte[] reply, InetSocketAddress to, DatagramSocket socket) {
        (socket == acctSocket ? acctOutbox : authOutbox).send(reply, to);
    }

    private void notSent(Exception e, InetSocketAddress to) {
        if (!closed) {
            drops.drop("reply not sent: " + e.getClass().getSimpleName(), to);
        }
    }

    /**
     * Sends the answer to a request and keeps it for retransmissions. An Access-Reject is held back by the
     * reject delay on a timer, so no worker thread waits; copies arriving meanwhile are dropped.
     */
    void answer(Object duplicateKey, byte[] reply, InetSocketAddress to, DatagramSocket socket, boolean reject) {
        long delay = reject ? settings.rejectDelay().toNanos() : 0;
        duplicates.complete(duplicateKey, reply, System.nanoTime() + delay);
        if (delay == 0) {
            send(reply, to, socket);
            return;
        }
        try {
            sendTimer.schedule(new TimerTask() {
                @Override
                public void run() {
                    send(reply, to, socket);
                }
            }, settings.rejectDelay().toMillis());
        } catch (IllegalStateException cancelled) {
            // closing: the answer is not sent, as on any shutdown
        }
    }

    /** Forgets a request that got no answer, so a retransmission is decided afresh. */
    void unanswered(Object duplicateKey) {
        duplicates.abandon(duplicateKey);
    }

    RadiusDictionary dictionary() {
        return dictionary;
    }

    /** Reads datagrams until the socket closes. Marked long-running so it does not hold a short-work thread. */
    private final class ReceiveLoop implements Work, WorkContextProvider {

        private final DatagramSocket socket;
        private final String name;

        ReceiveLoop(DatagramSocket socket, String name) {
            this.socket = socket;
            this.name = name;
        }

        @Override
        public List<WorkContext> getWorkContexts() {
            HintsContext hints = new HintsContext();
            hints.setName("countersign-radius-receive-" + name);
            hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
            return List.of(hints);
        }

        @Override
        public void run() {
            byte[] buffer = new byte[MAX_DATAGRAM + 1];
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            while (!closed) {
                try {
                    datagram.setLength(buffer.length);
                    socket.receive(datagram);
                    accept(datagram);
                } catch (SocketException e) {
                    if (!closed) {
                        LOG.log(Level.WARNING, "RADIUS socket error; receiving goes on", e);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "RADIUS receive failed; receiving goes on", e);
                }
            }
        }

        @Override
        public void release() {
            close();
        }

        private void accept(DatagramPacket datagram) {
            InetSocketAddress source = (InetSocketAddress) datagram.getSocketAddress();
            int length = datagram.getLength();
            if (length < MIN_PACKET) {
                drops.drop("short datagram", source);
                return;
            }
            RadiusClientEntry client = clients.get().match(source.getAddress());
            if (client == null) {
                drops.drop("unknown client", source);
                return;
            }
            if (!InflowReadiness.isApplicationStarted()) {
                drops.drop("application not started", source);
                return;
            }
            byte[] data = Arrays.copyOf(datagram.getData(), length);
            Object key = DuplicateCache.keyOf(source, data);
            DuplicateCache.Outcome seen = duplicates.begin(key, data, System.nanoTime());
            switch (seen.verdict()) {
                case DROP -> {
                    drops.drop("retransmission of a request not yet answered", source);
                    return;
                }
                case RESEND -> {
                    resent.increment();
                    send(seen.reply(), source, socket);
                    return;
                }
                case FULL -> {
                    drops.drop("overload", source);
                    return;
                }
                default -> {
                    // NEW: decide it below
                }
            }
            Waiting request = new Waiting(client, source, socket, data, key, System.nanoTime());
            if (inFlight.tryAcquire()) {
                start(request);
                return;
            }
            if (backlog == null || !backlog.offer(request)) {
                duplicates.abandon(key);
                drops.drop("overload", source);
                return;
            }
            // every place may have come free between the two looks: then no worker would take the request from the backlog
            if (inFlight.tryAcquire()) {
                passOn();
            }
        }
    }

    /** A verified-source datagram waiting for a place in flight. */
    record Waiting(RadiusClientEntry client, InetSocketAddress source, DatagramSocket socket, byte[] data, Object key, long since) {
    }

    /**
     * Starts a worker on a place already taken; when the work manager refuses, the next waiting request is tried, or the
     * place given back. {@code null} (no request: {@link #next()} gave the place back) starts nothing.
     */
    private void start(Waiting request) {
        for (Waiting next = request; next != null; next = next()) {
            try {
                workManager.scheduleWork(new RequestWork(this, next));
                return;
            } catch (WorkException | RuntimeException e) {
                duplicates.abandon(next.key());
                drops.drop("overload", next.source());
            }
        }
    }

    /** Gives a place held by no worker to the oldest waiting request, on a new worker, or back. */
    void passOn() {
        start(next());
    }

    /**
     * A place in flight is free (a worker finished a request, or a place was taken for the backlog): the oldest waiting
     * request still worth deciding, for the caller to decide on that place, or {@code null} once the place is given back.
     * A worker that finishes a request thus goes on with the next one itself: under load, a request waiting in the backlog
     * costs no new Work, no hand-over to another thread and no thread woken.
     */
    Waiting next() {
        while (true) {
            Waiting waiting = backlog == null || closed ? null : backlog.poll();
            if (waiting == null) {
                inFlight.release();
                // a request may have been put in the backlog after the poll, by a receiver that found no place free
                if (backlog == null || closed || backlog.isEmpty() || !inFlight.tryAcquire()) {
                    return null;
                }
                continue;
            }
            if (System.nanoTime() - waiting.since() > EngineSettings.MAX_WAIT_NANOS) {
                duplicates.abandon(waiting.key());
                drops.drop("overload: waited too long", waiting.source());
                continue;
            }
            return waiting;
        }
    }
}
