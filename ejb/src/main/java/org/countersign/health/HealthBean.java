package org.countersign.health;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.countersign.api.health.ComponentHealth;
import org.countersign.api.health.HealthReport;
import org.countersign.api.health.HealthService;

/** Checks the database with a trivial query through the persistence unit. */
@Stateless
public class HealthBean implements HealthService {

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public HealthReport check() {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        components.put("database", database());
        String version = HealthBean.class.getPackage().getImplementationVersion();
        return new HealthReport(components, version == null ? "development" : version);
    }

    private ComponentHealth database() {
        try {
            Object one = em.createNativeQuery("SELECT 1").getSingleResult();
            return one == null ? ComponentHealth.down("no answer") : ComponentHealth.up("reachable");
        } catch (PersistenceException e) {
            return ComponentHealth.down("query failed: " + e.getClass().getSimpleName());
        }
    }
}
