package org.countersign.api.dashboard;

/**
 * How many rejected authentications gave one reason.
 *
 * @param reason the reason as recorded ({@code wrong password}, {@code unknown user}...), or {@code (none)}
 */
public record ReasonCount(String reason, long count) {
}
