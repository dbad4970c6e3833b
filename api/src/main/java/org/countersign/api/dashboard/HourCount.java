package org.countersign.api.dashboard;

import java.time.Instant;

/**
 * Authentications decided within one clock hour.
 *
 * @param hour the start of the hour (UTC, whole hour)
 */
public record HourCount(Instant hour, long accepted, long rejected) {
}
