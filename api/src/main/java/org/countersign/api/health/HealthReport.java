package org.countersign.api.health;

import java.util.Map;

/**
 * The result of a health check.
 *
 * @param components component name to its state, such as {@code database -> UP}
 * @param version the Countersign version running
 */
public record HealthReport(Map<String, ComponentHealth> components, String version) {

    public HealthReport {
        components = Map.copyOf(components);
    }

    /** @return true when every component is UP */
    public boolean up() {
        return components.values().stream().allMatch(ComponentHealth::up);
    }
}
