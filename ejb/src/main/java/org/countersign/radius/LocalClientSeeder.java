package org.countersign.radius;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Logger;
import org.countersign.seal.SealingBean;

/**
 * On a server started with {@code -Dcountersign.seed.localhost-radius-secret=...} (the run command
 * does this) and no RADIUS client yet, creates the client {@code localhost} for 127.0.0.1 with that
 * secret, so a fresh installation answers {@code radclient} at once. Never touches existing clients.
 */
@Singleton
@Startup
@DependsOn("SealingBean")
public class LocalClientSeeder {

    static final String SEED_PROPERTY = "countersign.seed.localhost-radius-secret";
    private static final Logger LOG = Logger.getLogger(LocalClientSeeder.class.getName());

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @EJB
    private SealingBean sealing;

    @PostConstruct
    void seed() {
        String secret = System.getProperty(SEED_PROPERTY);
        if (secret == null || secret.isBlank()) {
            return;
        }
        long clients = em.createQuery("SELECT COUNT(c) FROM RadiusClient c", Long.class).getSingleResult();
        if (clients > 0) {
            return;
        }
        Instant now = Instant.now();
        RadiusClient local = new RadiusClient("localhost", "127.0.0.1", RadiusAuthMode.PASSWORD_AND_PASSCODE, now);
        local.sealedSecret(sealing.seal(secret.getBytes(StandardCharsets.UTF_8), RadiusClient.secretBinding(local.id())), now);
        em.persist(local);
        LOG.info("Created RADIUS client 'localhost' (127.0.0.1) from system property " + SEED_PROPERTY);
    }
}
