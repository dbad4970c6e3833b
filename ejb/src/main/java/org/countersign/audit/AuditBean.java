package org.countersign.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.countersign.api.audit.AuditQuery;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;

/** The audit trail through JPA; records are written by group commit ({@link AuditWriter}), never in the caller's transaction. */
@Stateless
public class AuditBean implements AuditService {

    /** Rows read per round trip while exporting. */
    static final int EXPORT_CHUNK = 500;
    private static final String NEWEST_FIRST = " ORDER BY e.at DESC, e.id DESC";

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Inject
    private AuditWriter writer;

    public AuditBean() {
    }

    /** Queries on this entity manager, outside the container; records cannot be written through it. */
    AuditBean(EntityManager em) {
        this.em = em;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void record(AuditRecord record) {
        writer.write(record);
    }

    @Override
    public List<AuditRecord> latest(String userId, int max) {
        if (max < 1 || max > 1000) {
            throw new IllegalArgumentException("max must be 1 to 1000, got " + max);
        }
        AuditFilter filter = AuditFilter.of(new AuditQuery(userId, null, null, null, null, null));
        TypedQuery<AuditEvent> query = filter.bind(em.createQuery("SELECT e FROM AuditEvent e" + filter.where() + NEWEST_FIRST, AuditEvent.class));
        return query.setMaxResults(max).getResultList().stream().map(AuditEvent::toRecord).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditRecord> search(AuditQuery query, int first, int max) {
        if (first < 0) {
            throw new IllegalArgumentException("first must be 0 or more, got " + first);
        }
        if (max < 1 || max > 1000) {
            throw new IllegalArgumentException("max must be 1 to 1000, got " + max);
        }
        AuditFilter filter = AuditFilter.of(query);
        return filter.bind(em.createQuery("SELECT e FROM AuditEvent e" + filter.where() + NEWEST_FIRST, AuditEvent.class))
                .setFirstResult(first).setMaxResults(max).getResultList().stream().map(AuditEvent::toRecord).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long count(AuditQuery query) {
        AuditFilter filter = AuditFilter.of(query);
        return filter.bind(em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + filter.where(), Long.class)).getSingleResult();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long exportCsv(AuditQuery query, Writer out, int limit) throws IOException {
        if (limit < 1 || limit > 1_000_000) {
            throw new IllegalArgumentException("limit must be 1 to 1,000,000, got " + limit);
        }
        AuditFilter filter = AuditFilter.of(query);
        AuditCsv.header(out);
        long written = 0;
        Instant lastAt = null;
        long lastId = 0;
        while (written < limit) {
            // keyset paging: each chunk starts after the last row written, so deep exports stay as fast as the first page
            TypedQuery<AuditEvent> chunk = lastAt == null
                    ? em.createQuery("SELECT e FROM AuditEvent e" + filter.where() + NEWEST_FIRST, AuditEvent.class)
                    : em.createQuery("SELECT e FROM AuditEvent e" + filter.where("(e.at < :lastAt OR (e.at = :lastAt AND e.id < :lastId))")
                            + NEWEST_FIRST, AuditEvent.class).setParameter("lastAt", lastAt).setParameter("lastId", lastId);
            List<AuditEvent> rows = filter.bind(chunk).setMaxResults((int) Math.min(EXPORT_CHUNK, limit - written)).getResultList();
            for (AuditEvent e : rows) {
                AuditCsv.row(out, e.toRecord());
                lastAt = e.at();
                lastId = e.id();
            }
            written += rows.size();
            em.clear();
            if (rows.size() < EXPORT_CHUNK) {
                break;
            }
        }
        out.flush();
        return written;
    }
}
