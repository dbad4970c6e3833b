package org.countersign.audit;

import java.util.HashMap;
import java.util.Map;

/**
 * Authentications counted over some time: by outcome, and the rejections by reason (a {@code null} reason under the
 * key {@code null}). Immutable.
 */
public record Tally(long accepted, long rejected, long challenged, Map<String, Long> rejectedByReason) {

    /** Nothing counted. */
    public static final Tally NONE = new Tally(0, 0, 0, Map.of());

    public Tally {
        // Map.copyOf refuses a null key, and a rejection without a reason is counted under one
        rejectedByReason = java.util.Collections.unmodifiableMap(new HashMap<>(rejectedByReason));
    }

    /** @return both counts added together */
    public Tally plus(Tally other) {
        Map<String, Long> reasons = new HashMap<>(rejectedByReason);
        other.rejectedByReason.forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
        return new Tally(accepted + other.accepted, rejected + other.rejected, challenged + other.challenged, reasons);
    }
}
