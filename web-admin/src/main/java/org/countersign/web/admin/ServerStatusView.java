package org.countersign.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.countersign.api.health.ComponentHealth;
import org.countersign.api.health.HealthReport;
import org.countersign.api.health.HealthService;

/** The console's landing page: the state of this server's parts. */
@Named
@RequestScoped
public class ServerStatusView {

    @EJB
    private HealthService health;

    private HealthReport report;

    public HealthReport getReport() {
        if (report == null) {
            report = health.check();
        }
        return report;
    }

    public List<Map.Entry<String, ComponentHealth>> getComponents() {
        return List.copyOf(getReport().components().entrySet());
    }
}
