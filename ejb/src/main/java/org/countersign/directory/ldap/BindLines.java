package org.countersign.directory.ldap;

import com.unboundid.asn1.ASN1StreamReader;
import com.unboundid.ldap.protocol.BindRequestProtocolOp;
import com.unboundid.ldap.protocol.ExtendedRequestProtocolOp;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.LDAPResponse;
import com.unboundid.ldap.protocol.ProtocolOp;
import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The connections a directory's password checks bind on. They are this class's own, not a pool of the SDK's (whose
 * operations each send and then wait): a bind can be sent now and its answer read later, so a RADIUS request's bind
 * travels while the search for its user is answered ({@link LdapDirectory#bindAhead}). UnboundID's protocol classes
 * encode the requests and decode the answers; this class only moves them over the socket.
 *
 * <p>Each line is one TCP connection (LDAPS, or StartTLS before anything else, as configured; the certificate is
 * checked against the trust store, the host name is not, as in the search pool). A new line tries the servers in
 * failover order from the one that answered last, and is kept only after it has bound as the service account within
 * the response timeout: a server that accepts TCP but never answers is passed over, as the search pool passes it over.
 * Every read waits at most the response timeout. A line that failed in any way is closed, never reused. Thread-safe;
 * a line is used by one thread at a time.
 */
final class BindLines implements AutoCloseable {

    /** The StartTLS extended operation (RFC 4511, section 4.14). */
    private static final String START_TLS = "1.3.6.1.4.1.1466.20037";

    private final List<String> hosts;
    private final List<Integer> ports;
    private final SocketFactory sockets;
    private final SSLSocketFactory startTls;
    private final int connectTimeoutMillis;
    private final int responseTimeoutMillis;
    private final String serviceDn;
    private final byte[] servicePassword;
    private final BlockingQueue<Line> idle;
    private final Semaphore unopened;
    /** The server a new line tries first: the last one that answered. */
    private volatile int first;
    private volatile boolean closed;

    /**
     * @param sockets plain sockets, or TLS ones for LDAPS
     * @param startTls the socket factory that layers TLS over a plain line after StartTLS, or {@code null} for none
     * @param max lines open at most
     */
    BindLines(List<String> hosts, List<Integer> ports, SocketFactory sockets, SSLSocketFactory startTls, int connectTimeoutMillis,
              int responseTimeoutMillis, String serviceDn, String servicePassword, int max) {
        this.hosts = List.copyOf(hosts);
        this.ports = List.copyOf(ports);
        this.sockets = sockets;
        this.startTls = startTls;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.serviceDn = serviceDn;
        this.servicePassword = servicePassword.getBytes(StandardCharsets.UTF_8);
        this.idle = new ArrayBlockingQueue<>(max);
        this.unopened = new Semaphore(max);
    }

    /** Opens one line now, so that a directory nobody can reach is known at once. */
    void openOne() throws LDAPException {
        give(take());
    }

    /** A bind sent and not yet read. {@link #result()} or {@link #drop()}, once, gives its line back. */
    final class Sent {

        private final String dn;
        private final byte[] password;
        private Line line;
        private int messageId;
        private final boolean reused;
        private BindResult result;
        private LDAPException failure;

        private Sent(String dn, byte[] password) throws LDAPException {
            this.dn = dn;
            this.password = password;
            Line taken = idle.poll();
            this.reused = taken != null;
            this.line = taken != null ? taken : take();
            try {
                messageId = line.send(new BindRequestProtocolOp(dn, password));
            } catch (IOException e) {
                lost(line);
                line = null;
                if (!reused) {
                    throw unavailable(e);
                }
                // an idle line the server had closed: the bind goes again on a new one when it is read
            }
        }

        /**
         * @return the directory's answer (any result code: a wrong password is {@code INVALID_CREDENTIALS})
         * @throws LDAPException when no answer came (timeout, connection lost)
         */
        BindResult result() throws LDAPException {
            if (result != null || failure != null) {
                if (failure != null) {
                    throw failure;
                }
                return result;
            }
            try {
                result = readOrRetry();
                return result;
            } catch (LDAPException e) {
                failure = e;
                throw e;
            } finally {
                java.util.Arrays.fill(password, (byte) 0);
            }
        }

        /** Reads the answer and forgets it: the bind was sent for an entry that turned out not to be the user's. */
        void drop() {
            if (result == null && failure == null) {
                try {
                    result();
                } catch (LDAPException ignored) {
                    // the line is closed already; nothing was decided by this bind
                }
            }
        }

        private BindResult readOrRetry() throws LDAPException {
            if (line != null) {
                try {
                    BindResult answer = line.bindResult(messageId);
                    give(line);
                    return answer;
                } catch (IOException | LDAPException e) {
                    lost(line);
                    // Only an idle line that the server closed in the meantime (end of stream, reset) is tried again. An answer
                    // that did not come in time is not: the server may still be working on the bind.
                    if (!reused || e instanceof SocketTimeoutException || e instanceof LDAPException) {
                        throw e instanceof LDAPException l ? l : unavailable((IOException) e);
                    }
                }
            }
            Line fresh = take();
            try {
                BindResult answer = fresh.bindResult(fresh.send(new BindRequestProtocolOp(dn, password)));
                give(fresh);
                return answer;
            } catch (IOException e) {
                lost(fresh);
                throw unavailable(e);
            } catch (LDAPException e) {
                lost(fresh);
                throw e;
            }
        }
    }

    /** Sends a simple bind; read its answer with {@link Sent#result()}. The password bytes are cleared once read. */
    Sent send(String dn, byte[] password) throws LDAPException {
        if (closed) {
            throw new LDAPException(ResultCode.CONNECT_ERROR, "the directory's connections are closed");
        }
        return new Sent(dn, password);
    }

    private Line take() throws LDAPException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(responseTimeoutMillis);
        while (true) {
            Line line = idle.poll();
            if (line != null) {
                return line;
            }
            if (unopened.tryAcquire()) {
                try {
                    return open();
                } catch (LDAPException | RuntimeException e) {
                    unopened.release();
                    throw e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new LDAPException(ResultCode.TIMEOUT, "every connection for binds stayed busy for " + responseTimeoutMillis + " ms");
            }
            try {
                // short waits: a line closed meanwhile frees a place for a new one rather than coming back to the queue
                line = idle.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LDAPException(ResultCode.LOCAL_ERROR, "interrupted waiting for a connection");
            }
            if (line != null) {
                return line;
            }
        }
    }

    private void give(Line line) {
        if (closed || !idle.offer(line)) {
            lost(line);
        }
    }

    private void lost(Line line) {
        line.close();
        unopened.release();
    }

    /** A new line to the first server, in failover order from the last that answered, that binds as the service account. */
    private Line open() throws LDAPException {
        List<String> failures = new ArrayList<>();
        int start = first;
        for (int i = 0; i < hosts.size(); i++) {
            int server = (start + i) % hosts.size();
            String where = hosts.get(server) + ":" + ports.get(server);
            Line line = null;
            BindResult service;
            try {
                line = connect(hosts.get(server), ports.get(server));
                service = line.bindResult(line.send(new BindRequestProtocolOp(serviceDn, servicePassword)));
            } catch (IOException | LDAPException e) {
                if (line != null) {
                    line.close();
                }
                failures.add(where + ": " + (e instanceof LDAPException l ? l.getResultCode().getName() + " " : e.getClass().getSimpleName() + " ")
                        + e.getMessage());
                continue;
            }
            if (service.getResultCode() != ResultCode.SUCCESS) {
                line.close();
                // every server holds the same accounts: a refused service account is the answer, not a failure of this server
                throw new LDAPException(service.getResultCode(), where + " refused the service account: " + service.getDiagnosticMessage());
            }
            first = server;
            return line;
        }
        throw new LDAPException(ResultCode.CONNECT_ERROR, "no directory server answered: " + String.join("; ", failures));
    }

    private Line connect(String host, int port) throws IOException, LDAPException {
        Socket socket = sockets.createSocket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            socket.setSoTimeout(responseTimeoutMillis);
            if (socket instanceof SSLSocket tls) {
                tls.startHandshake();
            }
            if (startTls == null) {
                return new Line(socket);
            }
            Line plain = new Line(socket);
            LDAPResponse answer = plain.read(plain.send(new ExtendedRequestProtocolOp(START_TLS, null)));
            if (!(answer instanceof ExtendedResult started) || started.getResultCode() != ResultCode.SUCCESS) {
                throw new LDAPException(answer instanceof ExtendedResult r ? r.getResultCode() : ResultCode.DECODING_ERROR,
                        host + ":" + port + " refused StartTLS");
            }
            SSLSocket tls = (SSLSocket) startTls.createSocket(socket, host, port, true);
            tls.setSoTimeout(responseTimeoutMillis);
            tls.startHandshake();
            return new Line(tls, plain.nextId);
        } catch (IOException | LDAPException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** One connection: requests written whole, answers read one LDAP message at a time. */
    private static final class Line {

        private final Socket socket;
        private final OutputStream out;
        private final ASN1StreamReader in;
        private int nextId;

        Line(Socket socket) throws IOException {
            this(socket, 1);
        }

        Line(Socket socket, int nextId) throws IOException {
            this.socket = socket;
            this.out = new BufferedOutputStream(socket.getOutputStream(), 1024);
            this.in = new ASN1StreamReader(socket.getInputStream());
            this.nextId = nextId;
        }

        /** @return the request's message id */
        int send(ProtocolOp op) throws IOException {
            int id = nextId++;
            new LDAPMessage(id, op).encode().writeTo(out);
            out.flush();
            return id;
        }

        BindResult bindResult(int id) throws IOException, LDAPException {
            LDAPResponse answer = read(id);
            if (!(answer instanceof BindResult bound)) {
                throw new LDAPException(ResultCode.DECODING_ERROR, "the answer to a bind was not a bind response");
            }
            return bound;
        }

        /** The answer to request {@code id}; a notice of disconnection or the end of the stream is a lost connection. */
        LDAPResponse read(int id) throws IOException, LDAPException {
            LDAPResponse answer;
            try {
                answer = LDAPMessage.readLDAPResponseFrom(in, false, null);
            } catch (LDAPException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e;
            }
            if (answer == null) {
                throw new java.io.EOFException("the server closed the connection");
            }
            if (answer.getMessageID() != id) {
                // message 0 is an unsolicited notification (the server is closing the connection); anything else is no answer of ours
                throw new IOException(answer.getMessageID() == 0 ? "the server is closing the connection" : "an answer to another request");
            }
            return answer;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing more to do
            }
        }
    }

    private static LDAPException unavailable(IOException e) {
        return new LDAPException(e instanceof SocketTimeoutException ? ResultCode.TIMEOUT : ResultCode.SERVER_DOWN,
                e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }

    @Override
    public void close() {
        closed = true;
        for (Line line; (line = idle.poll()) != null; ) {
            line.close();
        }
    }
}
