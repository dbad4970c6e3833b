package org.countersign.radius;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.radius.InvalidRadiusClientException;
import org.countersign.api.radius.RadiusClientService;
import org.countersign.api.radius.RadiusClientSettings;
import org.countersign.api.radius.RadiusClientView;
import org.countersign.seal.SealingBean;

/** RADIUS clients in CS_RADIUS_CLIENT, secrets sealed and bound to their row. */
@Stateless
public class RadiusClientBean implements RadiusClientService {

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @EJB
    private SealingBean sealing;

    @EJB
    private AuditService audit;

    @Override
    public List<RadiusClientView> list() {
        return em.createQuery("SELECT c FROM RadiusClient c ORDER BY c.name", RadiusClient.class).getResultList().stream()
                .map(this::view).toList();
    }

    @Override
    public RadiusClientView add(RadiusClientSettings settings, String actor) {
        validate(settings, true, null);
        Instant now = Instant.now();
        RadiusClient client = new RadiusClient(settings.name().strip(), settings.network().strip(), RadiusAuthMode.valueOf(settings.authMode()), now);
        client.change(settings.name().strip(), settings.network().strip(), RadiusAuthMode.valueOf(settings.authMode()),
                settings.requireMessageAuthenticator(), settings.limitProxyState(), now);
        client.replyAttributes(settings.replyAttributes());
        client.sealedSecret(seal(client, settings.secret()), now);
        em.persist(client);
        record(now, "radius.client.add", actor, client);
        return view(client);
    }

    @Override
    public RadiusClientView update(String id, RadiusClientSettings settings, String actor) {
        RadiusClient client = find(id);
        validate(settings, false, id);
        Instant now = Instant.now();
        client.change(settings.name().strip(), settings.network().strip(), RadiusAuthMode.valueOf(settings.authMode()),
                settings.requireMessageAuthenticator(), settings.limitProxyState(), now);
        client.replyAttributes(settings.replyAttributes());
        if (settings.secret() != null) {
            client.sealedSecret(seal(client, settings.secret()), now);
        }
        record(now, "radius.client.update", actor, client);
        return view(client);
    }

    @Override
    public void delete(String id, String actor) {
        RadiusClient client = find(id);
        em.remove(client);
        record(Instant.now(), "radius.client.delete", actor, client);
    }

    private void validate(RadiusClientSettings settings, boolean secretRequired, String selfId) {
        Map<String, String> errors = new java.util.LinkedHashMap<>(RadiusClientRules.check(settings, secretRequired));
        if (!errors.containsKey("name")) {
            List<RadiusClient> sameName = em.createQuery("SELECT c FROM RadiusClient c WHERE LOWER(c.name) = :n", RadiusClient.class)
                    .setParameter("n", settings.name().strip().toLowerCase(java.util.Locale.ROOT)).getResultList();
            if (sameName.stream().anyMatch(c -> !c.id().equals(selfId))) {
                errors.put("name", "another client is already called '" + settings.name().strip() + "'");
            }
        }
        if (!errors.containsKey("network")) {
            List<RadiusClient> sameNetwork = em.createQuery("SELECT c FROM RadiusClient c WHERE c.network = :n", RadiusClient.class)
                    .setParameter("n", settings.network().strip()).getResultList();
            sameNetwork.stream().filter(c -> !c.id().equals(selfId)).findFirst()
                    .ifPresent(c -> errors.put("network", "client '" + c.name() + "' already has " + settings.network().strip()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRadiusClientException(errors);
        }
    }

    private String seal(RadiusClient client, String secret) {
        return sealing.seal(secret.getBytes(StandardCharsets.US_ASCII), RadiusClient.secretBinding(client.id()));
    }

    private RadiusClient find(String id) {
        RadiusClient client = id == null ? null : em.find(RadiusClient.class, id);
        if (client == null) {
            throw new InvalidRadiusClientException(Map.of("id", "no RADIUS client with id " + id));
        }
        return client;
    }

    private RadiusClientView view(RadiusClient c) {
        int secretLength;
        try {
            secretLength = sealing.unseal(c.sealedSecret(), RadiusClient.secretBinding(c.id())).length;
        } catch (RuntimeException e) {
            secretLength = -1;
        }
        List<String> warnings = new java.util.ArrayList<>(RadiusClientRules.warnings(c, secretLength));
        if (secretLength < 0) {
            warnings.add("the shared secret cannot be unsealed: the client is disabled until its secret is set again");
        }
        return new RadiusClientView(c.id(), c.name(), c.network(), c.authMode().name(), c.requireMessageAuthenticator(),
                c.limitProxyState(), c.updatedAt(), warnings, c.replyAttributes());
    }

    private void record(Instant now, String category, String actor, RadiusClient client) {
        audit.record(new AuditRecord(now, category, "DONE", null, actor, null, null, "admin", client.name(), client.network(), null));
    }
}
