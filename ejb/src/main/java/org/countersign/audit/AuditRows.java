package org.countersign.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Inserts audit events, all in one new transaction (for {@link AuditWriter}). */
@Stateless
public class AuditRows {

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(List<AuditEvent> events) {
        events.forEach(em::persist);
    }
}
