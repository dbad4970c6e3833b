package org.countersign.radius;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.countersign.api.radius.RadiusClientEntry;
import org.countersign.api.radius.RadiusClientTable;
import org.countersign.seal.SealingBean;

/**
 * Builds the client table the resource adapter matches datagrams against, and with it the snapshot of
 * modes and reply attributes the request path reads. A client whose secret cannot be unsealed is left
 * out of the table (and logged without the secret): it fails closed.
 */
@Stateless
public class RadiusClientTableBean {

    private static final Logger LOG = Logger.getLogger(RadiusClientTableBean.class.getName());

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @EJB
    private SealingBean sealing;

    @Inject
    private ClientPolicies policies;

    /**
     * @return the named client's mode and reply attributes as of the last table refresh (read from the database
     *         before the first one), or empty if it no longer exists
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ClientPolicies.Policy> policyOf(String clientName) {
        if (!policies.loaded()) {
            table();
        }
        return policies.of(clientName);
    }

    /** @return every configured client with its unsealed secret; the version changes with any row */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public RadiusClientTable table() {
        List<RadiusClient> rows = em.createQuery("SELECT c FROM RadiusClient c ORDER BY c.name", RadiusClient.class).getResultList();
        List<RadiusClientEntry> entries = new ArrayList<>(rows.size());
        Map<String, ClientPolicies.Policy> byName = new HashMap<>();
        long version = 17;
        for (RadiusClient row : rows) {
            byName.put(row.name(), new ClientPolicies.Policy(row.authMode(), row.replyAttributes()));
            version = version * 31 + row.id().hashCode();
            version = version * 31 + row.version();
            try {
                byte[] secret = sealing.unseal(row.sealedSecret(), RadiusClient.secretBinding(row.id()));
                entries.add(new RadiusClientEntry(row.name(), row.network(), secret,
                        row.requireMessageAuthenticator(), row.limitProxyState()));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "RADIUS client {0}: its shared secret cannot be unsealed ({1}); the client is disabled until fixed",
                        new Object[] {row.name(), e.getMessage()});
            }
        }
        policies.replace(byName);
        return new RadiusClientTable(version, entries);
    }
}
