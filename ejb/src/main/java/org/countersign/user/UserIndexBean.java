package org.countersign.user;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.countersign.api.directory.DirectoryUserView;

/** Keeps the user index up to date with what the directories say. */
@Stateless
public class UserIndexBean {

    private static final Duration SEEN_GRANULARITY = Duration.ofHours(1);

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    /**
     * Records a user a directory lookup found, in a transaction of its own, so that a failure (two servers
     * adding the same user at once) can be caught by the caller without disturbing its own transaction.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void learn(DirectoryUserView user) {
        Instant now = Instant.now();
        UserRecord record = em.find(UserRecord.class, user.userId());
        if (record == null) {
            record = new UserRecord(user, now);
            record.seen(now);
            em.persist(record);
        } else {
            record.copy(user, now);
            // a login need not write the row each time: "seen" matters at the scale of a sync run
            if (record.seenAt() == null || record.seenAt().isBefore(now.minus(SEEN_GRANULARITY))) {
                record.seen(now);
            }
        }
    }

    /** Records a user in the caller's transaction and returns the record. */
    public UserRecord refresh(DirectoryUserView user) {
        return upsert(user, Instant.now());
    }

    /** @return how many records were added or changed */
    public int record(List<DirectoryUserView> users, Instant seenAt) {
        int changed = 0;
        for (DirectoryUserView user : users) {
            UserRecord record = em.find(UserRecord.class, user.userId());
            if (record == null) {
                record = new UserRecord(user, seenAt);
                record.seen(seenAt);
                em.persist(record);
                changed++;
            } else {
                if (record.copy(user, seenAt)) {
                    changed++;
                }
                record.seen(seenAt);
            }
        }
        return changed;
    }

    /** @return whether the user was switched on for two factors by the helpdesk (group members are known from the directory) */
    public boolean twoFactorSwitchedOn(String userId) {
        UserRecord record = userId == null ? null : em.find(UserRecord.class, userId);
        return record != null && record.twoFactorSwitchedOn();
    }

    private UserRecord upsert(DirectoryUserView user, Instant now) {
        UserRecord record = em.find(UserRecord.class, user.userId());
        if (record == null) {
            record = new UserRecord(user, now);
            record.seen(now);
            em.persist(record);
        } else {
            record.copy(user, now);
            record.seen(now);
        }
        return record;
    }
}
