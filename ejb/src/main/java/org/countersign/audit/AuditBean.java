package org.countersign.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;

/** The audit trail through JPA; each record in a transaction of its own. */
@Stateless
public class AuditBean implements AuditService {

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AuditRecord record) {
        em.persist(new AuditEvent(record));
    }

    @Override
    public List<AuditRecord> latest(String userId, int max) {
        if (max < 1 || max > 1000) {
            throw new IllegalArgumentException("max must be 1 to 1000, got " + max);
        }
        TypedQuery<AuditEvent> query = userId == null
                ? em.createQuery("SELECT e FROM AuditEvent e ORDER BY e.at DESC, e.id DESC", AuditEvent.class)
                : em.createQuery("SELECT e FROM AuditEvent e WHERE e.userId = :user ORDER BY e.at DESC, e.id DESC", AuditEvent.class)
                        .setParameter("user", userId);
        return query.setMaxResults(max).getResultList().stream().map(AuditEvent::toRecord).toList();
    }
}
