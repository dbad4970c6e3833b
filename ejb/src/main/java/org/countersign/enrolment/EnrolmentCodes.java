package org.countersign.enrolment;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.countersign.api.delivery.EnrolmentMessage;
import org.countersign.api.settings.SettingsService;
import org.countersign.api.user.UserAdminException;
import org.countersign.seal.SealingBean;

/**
 * Makes, replaces and revokes enrolment codes and hands the message to the installed sender, in
 * the caller's transaction: a message that cannot be sent leaves no code behind.
 */
@Stateless
public class EnrolmentCodes {

    /** Code alphabet without look-alikes (0/O, 1/I/L): 31 symbols. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Inject
    @Any
    private Instance<EnrolmentMessageSender> senders;

    @EJB
    private SealingBean sealing;

    @EJB
    private SettingsService settings;

    /** @return whether an enrolment message can be sent at all (a sender is deployed) */
    public boolean deliveryInstalled() {
        return senders.stream().findFirst().isPresent();
    }

    /**
     * Revokes the user's open codes, makes a new one and sends it.
     *
     * @return when the new code expires
     * @throws UserAdminException when no sender is installed or it fails
     */
    public Instant issue(String userId, String displayName, String mail, String actor) {
        EnrolmentMessageSender sender = senders.stream().findFirst().orElseThrow(() -> new UserAdminException(null,
                "enrolment messages go by e-mail, and no e-mail delivery is installed on this server: set up the mail server first"));
        Instant now = Instant.now();
        revokeAll(userId, now);
        String code = newCode();
        Instant expires = now.plus(lifetime());
        em.persist(new EnrolmentCode(userId, sealing.hashOf(EnrolmentCode.hashContext(userId), code), actor, now, expires));
        try {
            sender.send(new EnrolmentMessage(mail, userId, displayName, portalUrl(), code, expires), actor);
        } catch (RuntimeException e) {
            throw new UserAdminException(null, "the enrolment message to " + mail + " could not be sent: " + e.getMessage(), e);
        }
        return expires;
    }

    /** Stops every open code of the user from working. */
    public void revokeAll(String userId, Instant now) {
        for (EnrolmentCode code : open(userId, now, true)) {
            code.revoke(now);
        }
    }

    /** @return when the user's newest open code expires, if one is open */
    public Optional<Instant> openUntil(String userId) {
        return open(userId, Instant.now(), false).stream().map(EnrolmentCode::expiresAt).max(Instant::compareTo);
    }

    private List<EnrolmentCode> open(String userId, Instant now, boolean lock) {
        var query = em.createQuery("SELECT c FROM EnrolmentCode c WHERE c.userId = :user AND c.usedAt IS NULL AND c.revokedAt IS NULL"
                + " AND c.expiresAt > :now", EnrolmentCode.class).setParameter("user", userId).setParameter("now", now);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultList();
    }

    /** A new code: 12 symbols of {@link #ALPHABET} (about 59 bits) in groups of four, such as {@code K7QM-2XRD-9FHT}. */
    static String newCode() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private Duration lifetime() {
        String value = settings.find("enrolment.code-days").orElse("7");
        try {
            int days = Integer.parseInt(value.strip());
            if (days < 1 || days > 30) {
                throw new UserAdminException(null, "setting enrolment.code-days must be 1 to 30, got " + days);
            }
            return Duration.ofDays(days);
        } catch (NumberFormatException e) {
            throw new UserAdminException(null, "setting enrolment.code-days must be a whole number, got '" + value + "'", e);
        }
    }

    private String portalUrl() {
        return settings.find("portal.url.enrol").filter(u -> !u.isBlank()).orElse("http://localhost:8080/secenrol/");
    }
}
