package org.countersign.radius.ra;

import java.time.Duration;

/**
 * The listener's settings after system-property overrides, validated.
 *
 * @param bindAddress address to bind
 * @param authPort UDP port, 0 for any free port
 * @param maxInFlight requests decided at once
 * @param clientRefresh time between client table reloads
 */
record EngineSettings(String bindAddress, int authPort, int maxInFlight, Duration clientRefresh) {

    EngineSettings {
        if (authPort < 0 || authPort > 65535) {
            throw new IllegalArgumentException("RADIUS auth port must be 0-65535, got " + authPort);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("RADIUS max-in-flight must be at least 1, got " + maxInFlight);
        }
    }

    static EngineSettings resolve(String bindAddress, Integer authPort, Integer maxInFlight, Integer refreshSeconds) {
        return new EngineSettings(
                System.getProperty("countersign.radius.bind-address", bindAddress),
                intProperty("countersign.radius.auth-port", authPort),
                intProperty("countersign.radius.max-in-flight", maxInFlight),
                Duration.ofSeconds(Math.max(1, intProperty("countersign.radius.client-refresh-seconds", refreshSeconds))));
    }

    private static int intProperty(String name, Integer fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + name + " must be a whole number, got '" + value + "'", e);
        }
    }
}
