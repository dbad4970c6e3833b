package org.countersign.seal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.countersign.settings.Setting;

/**
 * The master key of this server, opened once at start-up. The file is
 * {@code ${jboss.server.config.dir}/countersign-master.key} unless the system property
 * {@code countersign.master-key-file} names another. On first start it is created; if it is
 * missing while the database already holds sealed secrets, or damaged, the start stops here with
 * a message naming the file, and nothing is overwritten.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SealingBean {

    private static final Logger LOG = Logger.getLogger(SealingBean.class.getName());

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    private volatile Sealer sealer;
    private volatile KeyedHasher hasher;

    @PostConstruct
    void open() {
        Path file = MasterKeyFile.location();
        MasterKeyFile keys;
        if (Files.exists(file)) {
            keys = MasterKeyFile.open(file);
        } else {
            long sealedRows = sealedRows();
            if (sealedRows > 0) {
                throw new MasterKeyException("master key file " + file + " is missing, but the database holds " + sealedRows
                        + " secret(s) sealed under a master key. Restore the file from backup (or from another server of this"
                        + " installation); Countersign will not create a new key over existing data.");
            }
            keys = MasterKeyFile.openOrCreate(file);
            LOG.info("Created master key file " + file + " (owner-only). Back it up: sealed secrets cannot be opened without it.");
        }
        sealer = new Sealer(keys);
        hasher = new KeyedHasher(keys);
        LOG.info("Master key file " + file + " opened; active key " + keys.activeKeyId());
    }

    /** Seals a secret bound to {@code associatedData}; returns the column form. */
    public String seal(byte[] plaintext, byte[] associatedData) {
        return sealer.seal(plaintext, associatedData).encode();
    }

    /** Opens a column-form sealed value bound to {@code associatedData}; throws {@link SealException} when it cannot. */
    public byte[] unseal(String sealed, byte[] associatedData) {
        return sealer.unseal(sealed, associatedData);
    }

    /**
     * The opened sealer itself, for a caller on the RADIUS request path that keeps it instead of making a container call
     * (about fifteen interceptors) for every value it opens. It is the same for the life of the deployment.
     */
    public Sealer sealer() {
        return sealer;
    }

    /** @return the keyed hash of a short code in its context */
    public String hashOf(String context, String code) {
        return hasher.hash(context, code);
    }

    /** @return whether a code matches its stored keyed hash, in constant time */
    public boolean codeMatches(String context, String code, String storedHash) {
        return hasher.matches(context, code, storedHash);
    }

    private long sealedRows() {
        long clients = em.createQuery("SELECT COUNT(c) FROM RadiusClient c", Long.class).getSingleResult();
        long tokens = em.createQuery("SELECT COUNT(t) FROM Token t WHERE t.sealedSeed IS NOT NULL", Long.class).getSingleResult();
        // the SMTP password the console stores, sealed, in the setting mail.smtp.password
        Setting mailPassword = em.find(Setting.class, "mail.smtp.password");
        long settings = mailPassword == null || mailPassword.value().isBlank() ? 0 : 1;
        return clients + tokens + settings;
    }
}
