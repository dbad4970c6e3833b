package org.countersign.api.health;

import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON shape of a health report, as the health resources of the REST portals return it.
 *
 * @param status UP or DOWN
 * @param version the server version
 * @param components each component's state and detail
 */
public record HealthView(String status, String version, Map<String, String> components) {

    public HealthView(HealthReport report) {
        this(report.up() ? "UP" : "DOWN", report.version(), describe(report));
    }

    private static Map<String, String> describe(HealthReport report) {
        Map<String, String> out = new TreeMap<>();
        report.components().forEach((name, c) -> out.put(name, (c.up() ? "UP: " : "DOWN: ") + c.detail()));
        return out;
    }
}
