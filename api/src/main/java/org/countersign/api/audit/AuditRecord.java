package org.countersign.api.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit record. Free-text fields are cut to their column sizes; none may hold a secret.
 *
 * @param at when it happened
 * @param category what kind of event, dotted: {@code token.verify}, {@code token.unlock}, {@code radius.access}
 * @param outcome {@code ACCEPTED}, {@code REJECTED} or {@code DONE}
 * @param reason the reason for a rejection (a {@code RejectReason} name) or {@code null}
 * @param actor who did it: a user id, an administrator, or {@code system}
 * @param userId the user it concerns, or {@code null}
 * @param tokenId the token it concerns, or {@code null}
 * @param channel the entry point ({@code radius}, {@code secserver}, portals, {@code admin}) or {@code null}
 * @param client the RADIUS client or portal, or {@code null}
 * @param address the remote address, or {@code null}
 * @param detail a short free text, never a secret, or {@code null}
 */
public record AuditRecord(Instant at, String category, String outcome, String reason, String actor, String userId,
                          String tokenId, String channel, String client, String address, String detail) {

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(outcome, "outcome");
    }
}
