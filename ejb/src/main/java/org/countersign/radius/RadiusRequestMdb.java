package org.countersign.radius;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.countersign.api.auth.AuthAttempt;
import org.countersign.api.auth.AuthOutcome;
import org.countersign.api.radius.NamedAttribute;
import org.countersign.api.radius.RadiusDecision;
import org.countersign.api.radius.RadiusClientTable;
import org.countersign.api.radius.RadiusReply;
import org.countersign.api.radius.RadiusRequestListener;
import org.countersign.api.radius.VerifiedAccessRequest;
import org.countersign.api.radius.VerifiedAccountingRequest;
import org.countersign.auth.AuthenticationDecision;
import org.jboss.ejb3.annotation.ResourceAdapter;

/**
 * Receives verified RADIUS requests from the resource adapter (JCA message inflow) and maps them to
 * and from the authentication decision, which knows nothing of RADIUS. Fails closed: when the
 * decision cannot be made, the answer is Access-Reject.
 */
@MessageDriven
@ResourceAdapter("countersign.ear#countersign-radius.rar")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RadiusRequestMdb implements RadiusRequestListener {

    private static final Logger LOG = Logger.getLogger(RadiusRequestMdb.class.getName());

    @EJB
    private RadiusClientTableBean clients;

    @Inject
    private ClientPolicies policies;

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Override
    public RadiusClientTable clientTable() {
        return clients.table();
    }

    /** The decision itself, not {@code AuthenticationService}: this endpoint runs outside a transaction already. */
    @Inject
    private AuthenticationDecision authentication;

    @Override
    public RadiusReply onAccessRequest(VerifiedAccessRequest request) {
        // the snapshot taken with the client table the adapter holds; the bean only when none was taken yet
        Optional<ClientPolicies.Policy> policy = policies.loaded() ? policies.of(request.clientName()) : clients.policyOf(request.clientName());
        if (policy.isEmpty()) {
            return RadiusReply.reject(null);
        }
        String mode = policy.get().mode().name();
        byte[] password = request.password();
        char[] secret = password == null ? null : StandardCharsets.UTF_8.decode(ByteBuffer.wrap(password)).toString().toCharArray();
        AuthAttempt attempt = new AuthAttempt("radius", request.clientName(), request.source().getAddress().getHostAddress(), mode,
                request.userName(), secret, request.state());
        AuthOutcome outcome;
        try {
            outcome = authentication.authenticate(attempt);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "RADIUS request of " + request.userName() + " from " + request.clientName() + " rejected: the decision failed", e);
            return RadiusReply.reject(null);
        }
        if (outcome instanceof AuthOutcome.Accept accept) {
            List<NamedAttribute> attributes = policy.get().replyAttributes().stream().filter(r -> r.appliesTo(accept.groups()))
                    .map(RadiusClientRules::onWire).toList();
            return new RadiusReply(RadiusDecision.ACCEPT, null, null, attributes);
        }
        if (outcome instanceof AuthOutcome.Challenge challenge) {
            return new RadiusReply(RadiusDecision.CHALLENGE, challenge.message(), challenge.state(), List.of());
        }
        return RadiusReply.reject(null);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void onAccountingRequest(VerifiedAccountingRequest request) {
        em.persist(new AccountingRecord(request, Instant.now()));
    }
}
