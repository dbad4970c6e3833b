package org.countersign.radius;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.countersign.api.radius.InflowReadiness;

/**
 * Opens the RADIUS inflow once the beans the decision needs have started (the master key above
 * all), and closes it when the module stops. Until then the adapter drops requests as not ready.
 */
@Singleton
@Startup
@DependsOn({"SealingBean", "LocalClientSeeder", "TimestampColumns", "TokenStateTable"})
public class InflowGate {

    @PostConstruct
    void open() {
        InflowReadiness.applicationStarted();
    }

    @PreDestroy
    void close() {
        InflowReadiness.applicationStopping();
    }
}
