package org.countersign.directory;

import com.unboundid.ldap.sdk.LDAPException;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.user.DirectorySyncService.Batch;
import org.countersign.directory.ldap.LdapDirectory;
import org.countersign.seal.SealingBean;

/**
 * Open paged listings of LDAP directories, one per reading job, behind cursors {@code <session>:<offset>}.
 * A cursor whose session is gone (job restarted, other server, idle for 15 minutes) starts a new
 * listing and skips {@code offset} users, so a restarted reader resumes where its checkpoint says. Thread-safe.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DirectoryPaging {

    private static final Duration IDLE = Duration.ofMinutes(15);

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Inject
    private LdapDirectories ldap;

    @EJB
    private SealingBean sealing;

    private static final class Session {
        final String directoryId;
        final LdapDirectory.Pager pager;
        final Deque<DirectoryUserView> buffer = new ArrayDeque<>();
        long offset;
        Instant touched = Instant.now();

        Session(String directoryId, LdapDirectory.Pager pager) {
            this.directoryId = directoryId;
            this.pager = pager;
        }
    }

    private final Map<String, Session> sessions = new HashMap<>();

    /** @return the LDAP directories' ids in search order */
    public List<String> ldapDirectories() {
        return em.createQuery("SELECT d.id FROM DirectoryEntry d ORDER BY d.position", String.class).getResultList();
    }

    /** See {@link org.countersign.api.user.DirectorySyncService#read}. */
    public synchronized Batch read(String directoryId, String cursor, int max) {
        if (max < 1 || max > 1000) {
            throw new IllegalArgumentException("read 1 to 1000 users at a time, not " + max);
        }
        reapIdle();
        int colon = cursor == null ? -1 : cursor.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a cursor: " + cursor);
        }
        String key = cursor.substring(0, colon);
        long offset = Long.parseLong(cursor.substring(colon + 1));
        Session session = sessions.get(key);
        try {
            if (session == null || session.offset != offset || !session.directoryId.equals(directoryId)) {
                if (session != null) {
                    sessions.remove(key).pager.close();
                }
                key = UUID.randomUUID().toString();
                session = new Session(directoryId, open(directoryId));
                sessions.put(key, session);
                for (long skipped = 0; skipped < offset; ) {
                    int skipping = take(session, (int) Math.min(1000, offset - skipped)).size();
                    if (skipping == 0) {
                        break;
                    }
                    skipped += skipping;
                }
            }
            List<DirectoryUserView> users = take(session, max);
            session.touched = Instant.now();
            if (session.buffer.isEmpty() && session.pager.done()) {
                sessions.remove(key).pager.close();
                return new Batch(users, null);
            }
            return new Batch(users, key + ":" + session.offset);
        } catch (LDAPException e) {
            if (session != null && sessions.get(key) == session) {
                sessions.remove(key).pager.close();
            }
            throw new IllegalStateException("directory " + directoryId + " did not list its users: " + e.getResultCode().getName(), e);
        }
    }

    private static List<DirectoryUserView> take(Session session, int n) throws LDAPException {
        List<DirectoryUserView> out = new ArrayList<>(n);
        while (out.size() < n) {
            if (session.buffer.isEmpty()) {
                if (session.pager.done()) {
                    break;
                }
                session.buffer.addAll(session.pager.next(n - out.size()));
                continue;
            }
            out.add(session.buffer.poll());
        }
        session.offset += out.size();
        return out;
    }

    private LdapDirectory.Pager open(String directoryId) throws LDAPException {
        DirectoryEntry entry = directoryId == null ? null : em.find(DirectoryEntry.class, directoryId);
        if (entry == null) {
            throw new IllegalArgumentException("no LDAP directory with id " + directoryId);
        }
        return ldap.connect(entry, sealing.unseal(entry.sealedBindPassword(), DirectoryEntry.passwordBinding(entry.id()))).pager();
    }

    private void reapIdle() {
        Instant limit = Instant.now().minus(IDLE);
        sessions.values().removeIf(s -> {
            if (s.touched.isBefore(limit)) {
                s.pager.close();
                return true;
            }
            return false;
        });
    }

    @PreDestroy
    synchronized void closeAll() {
        sessions.values().forEach(s -> s.pager.close());
        sessions.clear();
    }
}
