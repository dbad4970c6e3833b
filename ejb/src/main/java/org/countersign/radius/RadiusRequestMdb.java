package org.countersign.radius;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;
import org.countersign.api.radius.RadiusClientTable;
import org.countersign.api.radius.RadiusReply;
import org.countersign.api.radius.RadiusRequestListener;
import org.countersign.api.radius.VerifiedAccessRequest;
import org.countersign.api.radius.VerifiedAccountingRequest;
import org.jboss.ejb3.annotation.ResourceAdapter;

/**
 * Receives verified RADIUS requests from the resource adapter (JCA message inflow).
 * Until the authentication decision exists, every Access-Request is rejected.
 */
@MessageDriven
@ResourceAdapter("countersign.ear#countersign-radius.rar")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RadiusRequestMdb implements RadiusRequestListener {

    private static final Logger LOG = Logger.getLogger(RadiusRequestMdb.class.getName());

    @EJB
    private RadiusClientTableBean clients;

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Override
    public RadiusClientTable clientTable() {
        return clients.table();
    }

    @Override
    public RadiusReply onAccessRequest(VerifiedAccessRequest request) {
        LOG.fine(() -> "Access-Request from client " + request.clientName() + " for user " + request.userName()
                + ": rejected, no authentication method is configured yet");
        return RadiusReply.reject(null);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void onAccountingRequest(VerifiedAccountingRequest request) {
        em.persist(new AccountingRecord(request, Instant.now()));
    }
}
