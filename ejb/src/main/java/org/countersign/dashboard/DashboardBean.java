package org.countersign.dashboard;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.countersign.api.audit.AuditQuery;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.dashboard.AccountingEntry;
import org.countersign.api.dashboard.AccountingSummary;
import org.countersign.api.dashboard.AuthenticationSummary;
import org.countersign.api.dashboard.DashboardService;
import org.countersign.api.dashboard.HourCount;
import org.countersign.api.dashboard.ReasonCount;
import org.countersign.api.dashboard.TokenCount;
import org.countersign.api.dashboard.TokenSummary;
import org.countersign.api.token.TokenStatus;
import org.countersign.audit.HourTallies;
import org.countersign.audit.Tally;
import org.countersign.radius.AccountingRecord;

/**
 * Dashboard figures by aggregate JPQL, read-only, outside any transaction: tokens, authentications (the audit trail)
 * and RADIUS accounting. Authentications of a clock hour that is over are counted once and kept
 * ({@link AuthenticationCounts}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DashboardBean implements DashboardService {

    /** Audit categories of authentication decisions: auth.radius, auth.secserver, auth.&lt;portal&gt;. */
    static final String AUTHENTICATIONS = "e.category LIKE 'auth.%'";

    /**
     * The windows "latest authentications" tries in turn, each ending at the newest record of the trail. The query
     * sorts every record of its window, so a busy server finds its latest within the first minute: with 300,000 records
     * in the last 50 minutes (H2, 4 MB cache), the last hour took 1.27-1.55 s and the last minute 5-24 ms. Ending at the
     * newest record, not at now, a burst followed by a quiet spell is still read from its last minute.
     */
    private static final List<Duration> LATEST_WINDOWS = java.util.Arrays.asList(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1),
            Duration.ofDays(31), null);

    @PersistenceContext(unitName = "countersign")
    private EntityManager em;

    @EJB
    private AuditService audit;

    @Inject
    private HourTallies tallies;

    @Override
    public TokenSummary tokens() {
        List<TokenCount> tokens = new ArrayList<>();
        for (Object[] row : rows(em.createQuery("SELECT t.type, t.status, COUNT(t) FROM Token t GROUP BY t.type, t.status"))) {
            tokens.add(new TokenCount((String) row[0], (TokenStatus) row[1], number(row[2])));
        }
        tokens.sort(Comparator.comparingLong(TokenCount::count).reversed().thenComparing(TokenCount::type).thenComparing(TokenCount::status));
        return new TokenSummary(usersWith(TokenStatus.ACTIVE), usersWith(TokenStatus.LOCKED),
                number(em.createQuery("SELECT COUNT(u) FROM InternalUser u").getSingleResult()), tokens);
    }

    @Override
    public AuthenticationSummary authenticationsSince(Instant since) {
        Tally tally = new AuthenticationCounts(em, tallies, Instant.now()).since(since);
        List<ReasonCount> reasons = new ArrayList<>();
        tally.rejectedByReason().forEach((reason, count) -> reasons.add(new ReasonCount(reason == null ? "(none)" : reason, count)));
        reasons.sort(Comparator.comparingLong(ReasonCount::count).reversed().thenComparing(ReasonCount::reason));
        return new AuthenticationSummary(since, tally.accepted(), tally.rejected(), tally.challenged(), reasons);
    }

    @Override
    public List<HourCount> authenticationsPerHour(Instant now, int hours) {
        if (hours < 1 || hours > 168) {
            throw new IllegalArgumentException("hours must be 1 to 168, got " + hours);
        }
        Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant start = end.minus(Duration.ofHours(hours));
        // each hour that is over counted once and kept; the hour under way (and one just over) counted each time
        AuthenticationCounts counts = new AuthenticationCounts(em, tallies, Instant.now());
        List<HourCount> perHour = new ArrayList<>(hours);
        for (int h = 0; h < hours; h++) {
            Instant hour = start.plus(Duration.ofHours(h));
            Tally tally = counts.hour(hour);
            perHour.add(new HourCount(hour, tally.accepted(), tally.rejected()));
        }
        return perHour;
    }

    @Override
    public List<AuditRecord> latestAuthentications(int max) {
        if (max < 1 || max > 100) {
            throw new IllegalArgumentException("max must be 1 to 100, got " + max);
        }
        // newest first over a growing window: a narrow time range keeps the database from sorting the whole trail
        // (ORDER BY at, id is not the order of any index). The newest record's time is one index look-up.
        Instant newest = newestRecord();
        if (newest == null) {
            return List.of();
        }
        for (Duration window : LATEST_WINDOWS) {
            Instant from = window == null ? null : newest.minus(window);
            List<AuditRecord> latest = audit.search(new AuditQuery(null, null, null, "auth", from, null), 0, max);
            if (latest.size() == max || from == null) {
                return latest;
            }
        }
        throw new IllegalStateException("unreachable: the last window is unbounded");
    }

    @Override
    public AccountingSummary accountingSince(Instant since, int max) {
        if (max < 1 || max > 100) {
            throw new IllegalArgumentException("max must be 1 to 100, got " + max);
        }
        long starts = 0;
        long interims = 0;
        long stops = 0;
        long others = 0;
        // a range of CS_ACCT_AT; the latest by the same index read backwards (H2: "index sorted")
        for (Object[] row : rows(em.createQuery("SELECT a.statusType, COUNT(a) FROM AccountingRecord a WHERE a.at >= :since GROUP BY a.statusType")
                .setParameter("since", since))) {
            long count = number(row[1]);
            switch (row[0] == null ? "" : (String) row[0]) {
                case "Start" -> starts += count;
                case "Interim-Update" -> interims += count;
                case "Stop" -> stops += count;
                default -> others += count;
            }
        }
        List<AccountingEntry> latest = em.createQuery("SELECT a FROM AccountingRecord a ORDER BY a.at DESC", AccountingRecord.class)
                .setMaxResults(max).getResultList().stream().map(AccountingRecord::entry).toList();
        return new AccountingSummary(since, starts, interims, stops, others, latest);
    }

    /** @return the time of the newest audit record of any kind, or {@code null} when there is none */
    private Instant newestRecord() {
        return em.createQuery("SELECT MAX(e.at) FROM AuditEvent e", Instant.class).getSingleResult();
    }

    private long usersWith(TokenStatus status) {
        return number(em.createQuery("SELECT COUNT(DISTINCT t.userId) FROM Token t WHERE t.status = :status")
                .setParameter("status", status).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    /** SUM over no rows is NULL; COUNT and SUM come back as Long, Integer or BigDecimal depending on the database. */
    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
