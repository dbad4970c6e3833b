package org.countersign.user;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.user.DirectorySyncService;
import org.countersign.directory.DirectoryPaging;

/** The {@code directory-sync} job's service: paged reads through {@link DirectoryPaging}, writes to the user index. */
@Stateless
public class DirectorySyncBean implements DirectorySyncService {

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @EJB
    private DirectoryPaging paging;

    @EJB
    private UserIndexBean index;

    @EJB
    private AuditService audit;

    @Override
    public List<String> ldapDirectories() {
        return paging.ldapDirectories();
    }

    @Override
    public Batch read(String directoryId, String cursor, int max) {
        return paging.read(directoryId, cursor, max);
    }

    @Override
    public int record(List<DirectoryUserView> users, Instant seenAt) {
        return index.record(users, seenAt);
    }

    @Override
    public int markMissing(String directoryId, Instant since) {
        int marked = em.createQuery("UPDATE UserRecord u SET u.missing = TRUE, u.updatedAt = :now WHERE u.directoryId = :directory"
                        + " AND u.missing = FALSE AND (u.seenAt IS NULL OR u.seenAt < :since)")
                .setParameter("now", Instant.now()).setParameter("directory", directoryId).setParameter("since", since).executeUpdate();
        if (marked > 0) {
            audit.record(new AuditRecord(Instant.now(), "directory.sync.missing", "DONE", null, "system", null, null, "batch", directoryId, null,
                    marked + " users no longer found"));
        }
        return marked;
    }

    @Override
    public long start(String directoryId, String actor) {
        Properties parameters = new Properties();
        if (directoryId != null) {
            parameters.setProperty("directory", directoryId);
        }
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
        audit.record(new AuditRecord(Instant.now(), "directory.sync.start", "DONE", null, actor, null, null, "admin", directoryId, null,
                "execution " + execution));
        return execution;
    }
}
