package org.countersign.batch.selfcheck;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.Instant;
import org.countersign.api.health.HealthReport;
import org.countersign.api.health.HealthService;
import org.countersign.api.health.HealthView;
import org.countersign.api.settings.SettingScope;
import org.countersign.api.settings.SettingsService;

/** Runs the health check and records its outcome; the job ends FAILED when a component is down. */
@Named("selfCheckBatchlet")
@Dependent
public class SelfCheckBatchlet extends AbstractBatchlet {

    static final String RESULT_KEY = "batch.self-check.last";

    @EJB
    private HealthService health;

    @EJB
    private SettingsService settings;

    @Override
    public String process() {
        HealthReport report = health.check();
        HealthView view = new HealthView(report);
        settings.put(RESULT_KEY, Instant.now() + " " + view.status() + " " + view.components(), SettingScope.LOCAL);
        if (!report.up()) {
            throw new IllegalStateException("self-check found a component down: " + view.components());
        }
        return BatchStatus.COMPLETED.name();
    }
}
