package org.countersign.api.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Authentications (audit categories {@code auth.*}: RADIUS, SecServer, portals) since an instant.
 *
 * @param since the first instant counted
 * @param accepted answered Accept
 * @param rejected answered Reject
 * @param challenged answered with a challenge (the answer to it is counted again as accepted or rejected)
 * @param rejectedByReason the rejections by reason, most frequent first
 */
public record AuthenticationSummary(Instant since, long accepted, long rejected, long challenged, List<ReasonCount> rejectedByReason) {

    public AuthenticationSummary {
        rejectedByReason = List.copyOf(rejectedByReason);
    }

    /** @return accepted plus rejected: the attempts that were decided */
    public long decided() {
        return accepted + rejected;
    }
}
