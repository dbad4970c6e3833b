package org.countersign.dashboard;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.countersign.audit.HourTallies;
import org.countersign.audit.Tally;

/**
 * Counts authentications (audit records of category {@code auth.*}) over a time range: each settled clock hour of it
 * from {@link HourTallies} (counted once, then kept), the rest (the hour under way, and a part of an hour at the start)
 * by a query each time. Every query is one aggregate over {@code CS_AUDIT_TIME (AT, CATEGORY, OUTCOME, REASON)}, which
 * holds all it reads.
 */
final class AuthenticationCounts {

    /** A range with more settled hours than this is counted by one query, not hour by hour (and nothing is kept). */
    static final int MOST_HOURS = 24 * 8;

    private final EntityManager em;
    private final HourTallies tallies;
    private final Instant now;

    /** @param now the time the counts are made at: it says which hours are settled */
    AuthenticationCounts(EntityManager em, HourTallies tallies, Instant now) {
        this.em = em;
        this.tallies = tallies;
        this.now = now;
    }

    /** @return the authentications from {@code since} on, up to any time (records dated after now included) */
    Tally since(Instant since) {
        Instant settled = HourTallies.settledUntil(now);
        Instant firstHour = since.truncatedTo(ChronoUnit.HOURS);
        if (firstHour.isBefore(since)) {
            firstHour = firstHour.plus(Duration.ofHours(1));
        }
        if (!firstHour.isBefore(settled) || Duration.between(firstHour, settled).toHours() > MOST_HOURS) {
            return count(since, null);
        }
        Tally sum = firstHour.equals(since) ? Tally.NONE : count(since, firstHour);
        for (Instant hour = firstHour; hour.isBefore(settled); hour = hour.plus(Duration.ofHours(1))) {
            sum = sum.plus(hour(hour));
        }
        return sum.plus(count(settled, null));
    }

    /** @return the authentications of the clock hour starting at {@code hour} */
    Tally hour(Instant hour) {
        if (hour.isBefore(HourTallies.settledUntil(now))) {
            return tallies.of(hour, now, h -> count(h, h.plus(Duration.ofHours(1))));
        }
        return count(hour, hour.plus(Duration.ofHours(1)));
    }

    /** One query: the authentications from {@code from} (inclusive) to {@code to} (exclusive; {@code null}: no end). */
    private Tally count(Instant from, Instant to) {
        TypedQuery<Object[]> query = em.createQuery("SELECT e.outcome, e.reason, COUNT(e) FROM AuditEvent e WHERE " + DashboardBean.AUTHENTICATIONS
                + " AND e.at >= :from" + (to == null ? "" : " AND e.at < :to") + " GROUP BY e.outcome, e.reason", Object[].class)
                .setParameter("from", from);
        if (to != null) {
            query.setParameter("to", to);
        }
        long accepted = 0;
        long rejected = 0;
        long challenged = 0;
        Map<String, Long> reasons = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            long n = row[2] == null ? 0 : ((Number) row[2]).longValue();
            switch (String.valueOf(row[0])) {
                case "ACCEPTED" -> accepted += n;
                case "REJECTED" -> {
                    rejected += n;
                    reasons.merge((String) row[1], n, Long::sum);
                }
                case "CHALLENGED" -> challenged += n;
                default -> { }
            }
        }
        return new Tally(accepted, rejected, challenged, reasons);
    }
}
