package org.countersign.radius.ra;

import java.time.Duration;

/**
 * The listener's settings after system-property overrides, validated.
 *
 * @param bindAddress address to bind
 * @param authPort UDP port for Access-Request, 0 for any free port
 * @param acctPort UDP port for Accounting-Request, 0 for any free port, -1 for none
 * @param maxInFlight requests decided at once
 * @param backlog requests that wait for one of those places (oldest first, each at most {@link #MAX_WAIT_NANOS}); more are dropped
 * @param clientRefresh time between client table reloads
 * @param rejectDelay how long an Access-Reject is held back (RFC 2865 leaves it open; it slows password guessing)
 */
record EngineSettings(String bindAddress, int authPort, int acctPort, int maxInFlight, int backlog, Duration clientRefresh, Duration rejectDelay) {

    /** A request that waited this long for a place is dropped: its client has given up on it or sent it again. */
    static final long MAX_WAIT_NANOS = 3_000_000_000L;

    EngineSettings {
        if (authPort < 0 || authPort > 65535) {
            throw new IllegalArgumentException("RADIUS auth port must be 0-65535, got " + authPort);
        }
        if (acctPort < -1 || acctPort > 65535) {
            throw new IllegalArgumentException("RADIUS accounting port must be 0-65535, or -1 for none, got " + acctPort);
        }
        if (rejectDelay.isNegative() || rejectDelay.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("RADIUS reject delay must be 0 to 10000 ms, got " + rejectDelay.toMillis());
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("RADIUS max-in-flight must be at least 1, got " + maxInFlight);
        }
        if (backlog < 0 || backlog > 100_000) {
            throw new IllegalArgumentException("RADIUS backlog must be 0 to 100000, got " + backlog);
        }
    }

    static EngineSettings resolve(String bindAddress, Integer authPort, Integer acctPort, Integer maxInFlight, Integer backlog, Integer refreshSeconds,
                                  Integer rejectDelayMillis) {
        return new EngineSettings(
                System.getProperty("countersign.radius.bind-address", bindAddress),
                intProperty("countersign.radius.auth-port", authPort),
                intProperty("countersign.radius.acct-port", acctPort),
                intProperty("countersign.radius.max-in-flight", maxInFlight),
                intProperty("countersign.radius.backlog", backlog),
                Duration.ofSeconds(Math.max(1, intProperty("countersign.radius.client-refresh-seconds", refreshSeconds))),
                Duration.ofMillis(intProperty("countersign.radius.reject-delay-millis", rejectDelayMillis)));
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
