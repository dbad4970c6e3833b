package org.countersign.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.countersign.audit.HourTallies;
import org.countersign.audit.Tally;
import org.countersign.jpa.InstantColumn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's authentication counts, made of kept counts of settled hours and queries for the rest, against the
 * one query over the whole range that they replaced, on a real H2 database through EclipseLink: for ranges that start
 * on the hour, inside an hour, in the hour under way, in the minute an hour settles, and too far back to go hour by
 * hour; and what a kept count sees of a record written afterwards.
 */
class AuthenticationCountsTest {

    private static final String URL = "jdbc:h2:mem:dashboard-counts;DB_CLOSE_DELAY=-1";
    /** The clock of the counts: 20 minutes into the 10:00 hour. */
    private static final Instant NOW = Instant.parse("2026-12-01T10:20:30Z");
    private static final String[] CATEGORIES = {"auth.radius", "auth.radius", "auth.portal", "token.verify"};
    private static final String[] OUTCOMES = {"ACCEPTED", "ACCEPTED", "REJECTED", "CHALLENGED", "FAILED"};
    private static final String[] REASONS = {"wrong password", "passcode replayed", null};
    private static final AtomicLong IDS = new AtomicLong();
    private static EntityManagerFactory emf;

    private EntityManager em;
    private final HourTallies tallies = new HourTallies();

    @BeforeAll
    static void writeRecords() throws SQLException {
        emf = Persistence.createEntityManagerFactory("audit-test", Map.of("jakarta.persistence.jdbc.url", URL,
                "jakarta.persistence.jdbc.user", "sa", "jakarta.persistence.jdbc.password", ""));
        emf.createEntityManager().close();
        Random random = new Random(20261201);
        // 12 days back (past the most hours counted hour by hour) to 10 minutes ahead, on and next to hour boundaries too
        Instant oldest = NOW.minus(Duration.ofDays(12));
        for (int i = 0; i < 4000; i++) {
            long second = (long) (random.nextDouble() * Duration.between(oldest, NOW.plus(Duration.ofMinutes(10))).toSeconds());
            write(oldest.plusSeconds(second).plusMillis(random.nextInt(1000)), random);
        }
        for (int h = 0; h < 30; h++) {
            Instant hour = NOW.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(h));
            write(hour, random);
            write(hour.minusNanos(1000), random);
            write(hour.plusSeconds(59), random);
        }
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    @BeforeEach
    void open() {
        em = emf.createEntityManager();
    }

    @AfterEach
    void closeEm() {
        em.close();
    }

    @Test
    void countsSinceAnyInstantEqualOneQueryOverTheRange() throws SQLException {
        AuthenticationCounts counts = new AuthenticationCounts(em, tallies, NOW);
        Random random = new Random(7);
        List<Instant> sinces = new java.util.ArrayList<>(List.of(
                Instant.parse("2026-12-01T00:00:00Z"),              // today, on the hour
                NOW.minus(Duration.ofDays(1)),                      // the last 24 hours, starting inside an hour
                Instant.parse("2026-12-01T10:00:00Z"),              // the hour under way only
                Instant.parse("2026-12-01T09:00:00Z"),              // one settled hour and the hour under way
                Instant.parse("2026-12-01T09:59:59.999999Z"),       // a part of an hour only
                NOW.minus(Duration.ofDays(11)),                     // too far back: one query
                NOW.plus(Duration.ofMinutes(5)),                    // after now: the records dated after now
                NOW.minus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.HOURS)));
        for (int i = 0; i < 20; i++) {
            sinces.add(NOW.minusSeconds(random.nextInt(9 * 24 * 3600)));
        }
        for (int round = 0; round < 2; round++) { // the second from kept counts
            for (Instant since : sinces) {
                assertEquals(oneQuery(since, null), counts.since(since), "since " + since + ", round " + round);
            }
        }
        Tally today = counts.since(Instant.parse("2026-12-01T00:00:00Z"));
        assertNotEquals(0, today.accepted());
        assertNotEquals(0, today.rejected());
        assertNotEquals(0, today.challenged());
        assertTrue(today.rejectedByReason().containsKey(null) && today.rejectedByReason().containsKey("wrong password"), "reasons and none: " + today);
    }

    @Test
    void everyHourEqualsOneQueryOverIt() throws SQLException {
        AuthenticationCounts counts = new AuthenticationCounts(em, tallies, NOW);
        Instant current = NOW.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (int h = -1; h < 170; h++) {
            Instant hour = current.minus(Duration.ofHours(h));
            assertEquals(oneQuery(hour, hour.plus(Duration.ofHours(1))), counts.hour(hour), "hour " + hour);
        }
    }

    @Test
    void aRecordWrittenLaterForASettledHourCountsOnceItsHourIsForgottenOrItsCountExpires() throws SQLException {
        Instant since = Instant.parse("2026-12-01T00:00:00Z");
        Tally before = new AuthenticationCounts(em, tallies, NOW).since(since);
        Instant late = Instant.parse("2026-12-01T03:17:00Z");
        write(late, "auth.radius", "REJECTED", "written late");
        // a kept count does not look at the table again (so the dashboard reads each past hour once) ...
        assertEquals(before, new AuthenticationCounts(em, tallies, NOW).since(since));
        // ... until the writer tells of the record (as AuditWriter does for a record of a settled hour)
        tallies.forget(late);
        Tally after = new AuthenticationCounts(em, tallies, NOW).since(since);
        assertEquals(oneQuery(since, null), after);
        assertEquals(before.rejected() + 1, after.rejected());
        assertEquals(1L, after.rejectedByReason().get("written late"));

        // nor told: counted again an hour after the count was made
        Instant unannounced = Instant.parse("2026-12-01T04:05:00Z");
        write(unannounced, "auth.portal", "ACCEPTED", null);
        assertEquals(after, new AuthenticationCounts(em, tallies, NOW.plus(Duration.ofMinutes(59))).since(since));
        Instant later = NOW.plus(Duration.ofMinutes(61));
        assertEquals(oneQuery(since, null), new AuthenticationCounts(em, tallies, later).since(since));
        assertEquals(after.accepted() + 1, new AuthenticationCounts(em, tallies, later).since(since).accepted());
    }

    @Test
    void anHourIsCountedAgainEveryTimeUntilAMinuteAfterItsEnd() throws SQLException {
        Instant justAfter = Instant.parse("2026-12-01T10:00:40Z"); // the 09:00 hour ended 40 s ago: not settled
        Instant hour = Instant.parse("2026-12-01T09:00:00Z");
        Tally first = new AuthenticationCounts(em, tallies, justAfter).hour(hour);
        write(Instant.parse("2026-12-01T09:59:59.990Z"), "auth.radius", "ACCEPTED", null); // reached the table late
        Tally second = new AuthenticationCounts(em, tallies, justAfter).hour(hour);
        assertEquals(first.accepted() + 1, second.accepted());
        assertEquals(oneQuery(hour, hour.plus(Duration.ofHours(1))), second);
    }

    @Test
    void aCountMadeWhileARecordOfItsHourWasWrittenIsNotKept() {
        Instant hour = Instant.parse("2026-11-30T05:00:00Z");
        AtomicLong made = new AtomicLong();
        Tally one = new Tally(1, 0, 0, Map.of());
        // the record is committed after the count read the table, and the writer forgets the hour meanwhile
        tallies.of(hour, NOW, h -> {
            made.incrementAndGet();
            tallies.forget(h.plusSeconds(10));
            return one;
        });
        assertEquals(one, tallies.of(hour, NOW, h -> {
            made.incrementAndGet();
            return one;
        }));
        assertEquals(2, made.get(), "counted again, as the first count may have missed the record");
        tallies.of(hour, NOW, h -> {
            made.incrementAndGet();
            return one;
        });
        assertEquals(2, made.get(), "kept since");
    }

    /** What the dashboard counted before hours were kept: one query over the whole range. */
    private static Tally oneQuery(Instant from, Instant to) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); PreparedStatement q = c.prepareStatement(
                "SELECT OUTCOME, REASON, COUNT(*) FROM CS_AUDIT_EVENT WHERE CATEGORY LIKE 'auth.%' AND AT >= ?"
                        + (to == null ? "" : " AND AT < ?") + " GROUP BY OUTCOME, REASON")) {
            q.setTimestamp(1, InstantColumn.of(from));
            if (to != null) {
                q.setTimestamp(2, InstantColumn.of(to));
            }
            long accepted = 0;
            long rejected = 0;
            long challenged = 0;
            Map<String, Long> reasons = new HashMap<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    long n = rows.getLong(3);
                    switch (rows.getString(1)) {
                        case "ACCEPTED" -> accepted += n;
                        case "REJECTED" -> {
                            rejected += n;
                            reasons.merge(rows.getString(2), n, Long::sum);
                        }
                        case "CHALLENGED" -> challenged += n;
                        default -> { }
                    }
                }
            }
            return new Tally(accepted, rejected, challenged, reasons);
        }
    }

    private static void write(Instant at, Random random) throws SQLException {
        String outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
        write(at, CATEGORIES[random.nextInt(CATEGORIES.length)], outcome, outcome.equals("REJECTED") ? REASONS[random.nextInt(REASONS.length)] : null);
    }

    private static void write(Instant at, String category, String outcome, String reason) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO CS_AUDIT_EVENT (ID, AT, CATEGORY, OUTCOME, REASON, ACTOR, LOGIN) VALUES (?, ?, ?, ?, ?, 'x', 'x')")) {
            insert.setLong(1, IDS.incrementAndGet());
            insert.setTimestamp(2, InstantColumn.of(at));
            insert.setString(3, category);
            insert.setString(4, outcome);
            insert.setString(5, reason);
            insert.executeUpdate();
        }
    }
}
