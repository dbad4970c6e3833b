package org.countersign.api.audit;

import java.time.Instant;

/**
 * A filter over the audit trail; every part is optional ({@code null} or blank matches everything).
 *
 * @param user a user id ({@code internal:alice}) matched exactly, or a login ({@code alice}) matched against the
 *        login part of user ids and against the actor (a rejected login is recorded under the login it gave)
 * @param client the RADIUS client or portal name, matched exactly
 * @param outcome {@code ACCEPTED}, {@code REJECTED}, {@code CHALLENGED} or {@code DONE}, matched exactly
 * @param category a category ({@code auth.radius}) or a category prefix ({@code auth} matches {@code auth.radius},
 *        {@code auth.secserver} and so on)
 * @param from the first instant included, or {@code null}
 * @param to the first instant no longer included, or {@code null}
 */
public record AuditQuery(String user, String client, String outcome, String category, Instant from, Instant to) {

    public AuditQuery {
        user = blankToNull(user);
        client = blankToNull(client);
        outcome = blankToNull(outcome);
        category = blankToNull(category);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the end of the time range is before its start");
        }
    }

    /** @return a query matching every record */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
