package org.countersign.user;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.countersign.api.directory.DirectoryUserView;

/** Keeps the user index up to date with what the directories say. */
@Stateless
public class UserIndexBean {

    private static final Duration SEEN_GRANULARITY = Duration.ofHours(1);

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/CountersignDS")
    private DataSource dataSource;

    @Resource
    private SessionContext context;

    /**
     * Records a user a directory lookup found. First the row is read by one JDBC query, outside any transaction: at
     * 9 a.m. every login is a user's first of the day, and nearly all find their row as the directory describes them,
     * with nothing to write but "seen" (by one statement, once an hour). Otherwise {@link #learnNow} writes the record.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void learn(DirectoryUserView user) {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            Optional<IndexedRow> row = IndexedRow.read(connection, user.userId());
            if (row.isPresent() && row.get().current(user)) {
                Instant notSince = now.minus(SEEN_GRANULARITY);
                if (seenBefore(row.get().seenAt(), notSince)) {
                    IndexedRow.markSeen(connection, user.userId(), now, notSince);
                }
                return;
            }
        } catch (SQLException e) {
            throw new PersistenceException("the user index row of " + user.userId() + " could not be read or marked seen", e);
        }
        context.getBusinessObject(UserIndexBean.class).learnNow(user, now);
    }

    /**
     * Adds or rewrites a user's record, in a transaction of its own, so that a failure (two servers adding the same
     * user at once) can be caught by the caller without disturbing its own transaction.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void learnNow(DirectoryUserView user, Instant now) {
        Instant notSince = now.minus(SEEN_GRANULARITY);
        upsert(user, now, seenAt -> seenBefore(seenAt, notSince));
    }

    /** "Seen" matters at the scale of a sync run ({@link #SEEN_GRANULARITY}): a login need not write it each time. */
    private static boolean seenBefore(Instant seenAt, Instant notSince) {
        return seenAt == null || seenAt.isBefore(notSince);
    }

    /** Records a user in the caller's transaction and returns the record. */
    public UserRecord refresh(DirectoryUserView user) {
        upsert(user, Instant.now(), seenAt -> true);
        return em.find(UserRecord.class, user.userId());
    }

    /** @return how many records were added or changed */
    public int record(List<DirectoryUserView> users, Instant seenAt) {
        int changed = 0;
        for (DirectoryUserView user : users) {
            if (upsert(user, seenAt, previous -> true)) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Forgets the users of a directory that is removed, with their search terms, in the caller's transaction.
     *
     * @return how many users were forgotten
     */
    public int forgetDirectory(String directoryId) {
        em.createNativeQuery("DELETE FROM CS_USER_TERM WHERE USER_ID IN (SELECT u.ID FROM CS_USER u WHERE u.DIRECTORY_ID = ?)")
                .setParameter(1, directoryId).executeUpdate();
        // JPQL, so the persistence provider drops cached records too
        return em.createQuery("DELETE FROM UserRecord u WHERE u.directoryId = :directory").setParameter("directory", directoryId).executeUpdate();
    }

    /** @return whether the user was switched on for two factors by the helpdesk (group members are known from the directory) */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean twoFactorSwitchedOn(String userId) {
        UserRecord record = userId == null ? null : em.find(UserRecord.class, userId);
        return record != null && record.twoFactorSwitchedOn();
    }

    /**
     * Replaces the user's search terms with those of the record's current values, in two statements. Rows older
     * than the term table (or than the current term rules) get theirs the next time they are indexed.
     */
    private void writeTerms(UserRecord record) {
        em.createNativeQuery("DELETE FROM CS_USER_TERM WHERE USER_ID = ?").setParameter(1, record.id()).executeUpdate();
        record.termsWritten();
        List<String> terms = List.copyOf(record.terms());
        if (terms.isEmpty()) {
            return;
        }
        Query insert = em.createNativeQuery("INSERT INTO CS_USER_TERM (TERM, USER_ID) VALUES "
                + String.join(", ", Collections.nCopies(terms.size(), "(?, ?)")));
        int p = 1;
        for (String term : terms) {
            insert.setParameter(p++, term);
            insert.setParameter(p++, record.id());
        }
        insert.executeUpdate();
    }

    /**
     * Adds or updates the user's record, and marks it seen at {@code now} when {@code touch} accepts the time it was last seen.
     *
     * @return whether the record was added or its directory values changed
     */
    private boolean upsert(DirectoryUserView user, Instant now, Predicate<Instant> touch) {
        UserRecord record = em.find(UserRecord.class, user.userId());
        boolean changed;
        if (record == null) {
            record = new UserRecord(user, now);
            em.persist(record);
            changed = true;
        } else {
            changed = record.copy(user, now);
        }
        if (changed || record.termsOutdated()) {
            writeTerms(record);
        }
        if (touch.test(record.seenAt())) {
            record.seen(now);
        }
        return changed;
    }
}
