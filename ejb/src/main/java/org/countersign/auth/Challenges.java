package org.countersign.auth;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The pending challenges of the challenge mode, each change in a transaction of its own: the decision around them runs
 * outside any transaction, as it waits for directories. A State is spent the moment it is presented, whatever the
 * outcome of the passcode that comes with it.
 */
@Stateless
public class Challenges {

    /** What a presented State turned out to be. */
    public sealed interface Spent {
        record Unknown() implements Spent {
        }

        record Reused() implements Spent {
        }

        record Fresh(String userId, String client, Instant expiresAt) implements Spent {
        }
    }

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    public void open(String stateHash, String userId, String client, Instant expiresAt) {
        em.persist(new PendingChallenge(stateHash, userId, client, expiresAt));
    }

    /** Marks the challenge used (under a row lock, so two copies of one State cannot both find it fresh). */
    public Spent spend(String stateHash) {
        PendingChallenge pending = em.find(PendingChallenge.class, stateHash, LockModeType.PESSIMISTIC_WRITE);
        if (pending == null) {
            return new Spent.Unknown();
        }
        if (pending.used()) {
            return new Spent.Reused();
        }
        pending.use();
        return new Spent.Fresh(pending.userId(), pending.client(), pending.expiresAt());
    }
}
