package org.countersign.radius.ra;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.work.Work;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.countersign.api.radius.NamedAttribute;
import org.countersign.api.radius.RadiusClientEntry;
import org.countersign.api.radius.RadiusReply;
import org.countersign.api.radius.RadiusRequestListener;
import org.countersign.api.radius.VerifiedAccessRequest;
import org.countersign.api.radius.VerifiedAccountingRequest;
import org.countersign.radius.wire.AttributeType;
import org.countersign.radius.wire.MalformedPacketException;
import org.countersign.radius.wire.MessageAuthenticatorCheck;
import org.countersign.radius.wire.PacketCode;
import org.countersign.radius.wire.RadiusAttribute;
import org.countersign.radius.wire.RadiusCodec;
import org.countersign.radius.wire.RadiusPacket;
import org.countersign.radius.wire.RequestVerifier;
import org.countersign.radius.wire.UserPassword;

/**
 * Decodes, verifies and answers datagrams from known clients, one at a time on one place in flight: first the one it
 * was started for, then, while any wait in the backlog, the oldest of them ({@link RadiusListenerEngine#next()}).
 * Anything that fails a check is dropped and counted, never answered (RFC 2865 section 3: silently discard).
 */
final class RequestWork implements Work {

    private static final Logger LOG = Logger.getLogger(RequestWork.class.getName());
    private static final int MAX_TEXT_OCTETS = 253;

    private final RadiusListenerEngine engine;
    /** The request being decided: its client, source, socket, datagram and duplicate key. */
    private RadiusListenerEngine.Waiting current;
    private boolean answered;
    /** The listener's endpoint, made for the first request that needs it and kept for those after it (JCA lets an adapter reuse one, by one thread at a time). */
    private MessageEndpoint endpoint;

    RequestWork(RadiusListenerEngine engine, RadiusListenerEngine.Waiting first) {
        this.engine = engine;
        this.current = first;
    }

    @Override
    public void run() {
        boolean holding = true;
        try {
            while (true) {
                decide();
                RadiusListenerEngine.Waiting next = engine.next();
                if (next == null) {
                    holding = false;
                    return;
                }
                current = next;
            }
        } finally {
            if (holding) {
                engine.passOn(); // an Error escaped: the place goes to a new worker, or back
            }
            releaseEndpoint();
        }
    }

    private <T> T callListener(Function<RadiusRequestListener, T> call) throws UnavailableException {
        if (endpoint == null) {
            endpoint = engine.createEndpoint();
        }
        try {
            return call.apply((RadiusRequestListener) endpoint);
        } catch (RuntimeException e) {
            releaseEndpoint(); // the next request gets a fresh one
            throw e;
        }
    }

    private void releaseEndpoint() {
        if (endpoint != null) {
            MessageEndpoint used = endpoint;
            endpoint = null;
            used.release();
        }
    }

    private void decide() {
        answered = false;
        byte[] data = current.data();
        try {
            RadiusPacket packet = RadiusCodec.decode(data, 0, data.length);
            boolean accountingPort = engine.isAccountingSocket(current.socket());
            int code = packet.code();
            // Status-Server is asked of either port (RFC 5997 section 3), and answered in that port's kind
            if (code != PacketCode.STATUS_SERVER && accountingPort != (code == PacketCode.ACCOUNTING_REQUEST)) {
                drop((accountingPort ? "accounting" : "authentication") + " port got code " + PacketCode.name(code));
                return;
            }
            switch (code) {
                case PacketCode.ACCESS_REQUEST -> accessRequest(packet);
                case PacketCode.STATUS_SERVER -> statusServer(packet, accountingPort);
                case PacketCode.ACCOUNTING_REQUEST -> accountingRequest(packet);
                default -> drop("unsupported code " + PacketCode.name(code));
            }
        } catch (MalformedPacketException e) {
            drop("malformed: " + e.reason());
        } catch (UnavailableException e) {
            drop("decision unavailable");
            LOG.log(Level.FINE, "no endpoint to decide a RADIUS request", e);
        } catch (RuntimeException e) {
            drop("internal error");
            LOG.log(Level.WARNING, "RADIUS request from " + current.source() + " (client " + current.client().name() + ") failed", e);
        } finally {
            if (!answered) {
                engine.unanswered(current.key());
            }
        }
    }

    @Override
    public void release() {
        // each request finishes by itself; after close, next() hands out no more
    }

    private void accessRequest(RadiusPacket packet) throws MalformedPacketException, UnavailableException {
        byte[] data = current.data();
        RadiusClientEntry client = current.client();
        byte[] secret = client.secret();
        MessageAuthenticatorCheck check = RequestVerifier.messageAuthenticator(data, 0, data.length, packet, secret);
        if (check == MessageAuthenticatorCheck.INVALID) {
            drop("invalid Message-Authenticator");
            return;
        }
        if (check == MessageAuthenticatorCheck.ABSENT && client.requireMessageAuthenticator()) {
            drop("missing Message-Authenticator");
            return;
        }
        if (check == MessageAuthenticatorCheck.ABSENT && client.limitProxyState() && packet.first(AttributeType.PROXY_STATE).isPresent()) {
            drop("Proxy-State without Message-Authenticator");
            return;
        }
        byte[] password = null;
        var hidden = packet.first(AttributeType.USER_PASSWORD);
        if (hidden.isPresent()) {
            password = UserPassword.decrypt(hidden.get().value(), packet.authenticator(), secret);
        }
        String userName = packet.first(AttributeType.USER_NAME).map(a -> new String(a.value(), StandardCharsets.UTF_8)).orElse(null);
        byte[] state = packet.first(AttributeType.STATE).map(RadiusAttribute::value).orElse(null);
        List<NamedAttribute> attributes = named(packet);
        VerifiedAccessRequest request = new VerifiedAccessRequest(client.name(), current.source(), packet.identifier(), userName, password, state, attributes);
        RadiusReply reply = callListener(listener -> listener.onAccessRequest(request));
        answer(encode(packet, reply, secret), reply.decision() == org.countersign.api.radius.RadiusDecision.REJECT);
    }

    /** RFC 2866: a valid Request Authenticator, then Accounting-Response only once the record is kept. */
    private void accountingRequest(RadiusPacket packet) throws UnavailableException {
        byte[] data = current.data();
        byte[] secret = current.client().secret();
        if (!RequestVerifier.accountingRequestAuthenticator(data, 0, data.length, secret)) {
            drop("invalid accounting Request Authenticator");
            return;
        }
        VerifiedAccountingRequest request = new VerifiedAccountingRequest(current.client().name(), current.source(), packet.identifier(), named(packet));
        callListener(listener -> {
            listener.onAccountingRequest(request);
            return null;
        });
        List<RadiusAttribute> proxyStates = new ArrayList<>(packet.all(AttributeType.PROXY_STATE));
        answer(RadiusCodec.encodeReply(PacketCode.ACCOUNTING_RESPONSE, packet.identifier(), packet.authenticator(), proxyStates, secret), false);
    }

    private List<NamedAttribute> named(RadiusPacket packet) {
        List<NamedAttribute> attributes = new ArrayList<>();
        for (RadiusAttribute attribute : packet.attributes()) {
            int type = attribute.type();
            if (type == AttributeType.USER_PASSWORD || type == AttributeType.MESSAGE_AUTHENTICATOR || type == AttributeType.STATE) {
                continue;
            }
            String name = engine.dictionary().byType(type).map(d -> d.name()).orElse("Attr-" + type);
            attributes.add(new NamedAttribute(name, engine.dictionary().render(attribute)));
        }
        return attributes;
    }

    /**
     * RFC 5997: Status-Server must carry a valid Message-Authenticator, on either port, and is answered with
     * Access-Accept on the authentication port and Accounting-Response on the accounting port (how a NAS or a proxy
     * checks that accounting is up before it fails over).
     */
    private void statusServer(RadiusPacket packet, boolean accountingPort) {
        byte[] data = current.data();
        byte[] secret = current.client().secret();
        if (RequestVerifier.messageAuthenticator(data, 0, data.length, packet, secret) != MessageAuthenticatorCheck.VALID) {
            drop("Status-Server without valid Message-Authenticator");
            return;
        }
        int code = accountingPort ? PacketCode.ACCOUNTING_RESPONSE : PacketCode.ACCESS_ACCEPT;
        answer(RadiusCodec.encodeReply(code, packet.identifier(), packet.authenticator(), List.of(), secret), false);
    }

    private void answer(byte[] reply, boolean reject) {
        engine.answer(current.key(), reply, current.source(), current.socket(), reject);
        answered = true;
    }

    private byte[] encode(RadiusPacket request, RadiusReply reply, byte[] secret) {
        List<RadiusAttribute> attributes = new ArrayList<>();
        if (reply.replyMessage() != null && !reply.replyMessage().isEmpty()) {
            byte[] text = reply.replyMessage().getBytes(StandardCharsets.UTF_8);
            for (int from = 0; from < text.length; from += MAX_TEXT_OCTETS) {
                attributes.add(new RadiusAttribute(AttributeType.REPLY_MESSAGE,
                        java.util.Arrays.copyOfRange(text, from, Math.min(text.length, from + MAX_TEXT_OCTETS))));
            }
        }
        if (reply.state() != null) {
            attributes.add(new RadiusAttribute(AttributeType.STATE, reply.state()));
        }
        for (NamedAttribute named : reply.attributes()) {
            attributes.add(engine.dictionary().attribute(named.name(), named.value()));
        }
        request.all(AttributeType.PROXY_STATE).forEach(attributes::add);
        int code = switch (reply.decision()) {
            case ACCEPT -> PacketCode.ACCESS_ACCEPT;
            case REJECT -> PacketCode.ACCESS_REJECT;
            case CHALLENGE -> PacketCode.ACCESS_CHALLENGE;
        };
        return RadiusCodec.encodeReply(code, request.identifier(), request.authenticator(), attributes, secret);
    }

    private void drop(String reason) {
        engine.drops().drop(reason, current.source());
    }
}
