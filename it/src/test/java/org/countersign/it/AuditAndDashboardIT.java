package org.countersign.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.countersign.api.audit.AuditQuery;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.dashboard.AccountingSummary;
import org.countersign.api.dashboard.AuthenticationSummary;
import org.countersign.api.dashboard.DashboardService;
import org.countersign.api.dashboard.HourCount;
import org.countersign.api.dashboard.ReasonCount;
import org.countersign.api.dashboard.TokenCount;
import org.countersign.api.dashboard.TokenSummary;
import org.countersign.api.token.TokenService;
import org.countersign.api.token.TokenStatus;
import org.countersign.api.token.TokenView;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Audit search, count and CSV export, and the dashboard's figures, on the real database inside the server.
 * Each test writes records under names of its own (or in hours long past), so other tests' records do not disturb it.
 */
@ExtendWith(ArquillianExtension.class)
class AuditAndDashboardIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithInContainerTests(AuditAndDashboardIT.class);
    }

    @EJB
    private AuditService audit;

    @EJB
    private DashboardService dashboard;

    @EJB
    private TokenService tokens;

    @Resource(lookup = "java:jboss/datasources/CountersignDS")
    private DataSource dataSource;

    /** The AT column as the entity's converter writes it: a TIMESTAMP, to the microsecond. */
    private static Timestamp column(Instant at) {
        return Timestamp.from(at.truncatedTo(ChronoUnit.MICROS));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void auth(Instant at, String outcome, String reason, String login, String userId, String client) {
        audit.record(new AuditRecord(at, "auth.radius", outcome, reason, login, userId, null, "radius", client, "192.0.2.7", "mode PASSWORD_AND_PASSCODE"));
    }

    @Resource
    private jakarta.transaction.UserTransaction tx;

    @Test
    void recordsWrittenTogetherByManyThreadsAreAllKeptAndSurviveTheCallersRollback() throws Exception {
        String client = unique("group");
        int threads = 24;
        int each = 40;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        audit.record(new AuditRecord(Instant.now(), "auth.radius", "ACCEPTED", null, "u" + thread + "-" + i, null, null,
                                "radius", client, "127.0.0.1", null));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AuditQuery byClient = new AuditQuery(null, client, null, null, null, null);
        assertEquals(threads * each, audit.count(byClient), "every record of every thread, once");
        assertEquals(threads * each, audit.search(byClient, 0, 1000).stream().map(AuditRecord::actor).distinct().count());

        // written in a transaction of its own: the caller's rollback does not take it back
        tx.begin();
        audit.record(new AuditRecord(Instant.now(), "auth.radius", "REJECTED", "wrong code", "rolled-back-caller", null, null, "radius",
                client, "127.0.0.1", null));
        tx.rollback();
        assertEquals(threads * each + 1, audit.count(byClient));
    }

    @Test
    void aUsersRecordsAreFoundOnEveryDayOfTheTrailNewestFirst() {
        String user = "internal:" + unique("days");
        String client = unique("vpn");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // records years, weeks and a day apart, and two a second apart: a change to the user index must still find them all
        List<Instant> times = List.of(now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(1)),
                now.minusSeconds(1), now);
        for (Instant t : times) {
            auth(t, "ACCEPTED", null, "days", user, client);
        }
        List<Instant> newestFirst = new ArrayList<>(times);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, audit.latest(user, 10).stream().map(AuditRecord::at).toList());
        assertEquals(newestFirst.subList(0, 3), audit.latest(user, 3).stream().map(AuditRecord::at).toList());
        assertEquals(5, audit.count(new AuditQuery(user, null, null, null, null, null)));
        assertEquals(2, audit.count(new AuditQuery(user, null, null, null, now.minus(Duration.ofDays(41)), now.minusSeconds(1))),
                "from inclusive, to exclusive, across days");
        assertEquals(newestFirst.subList(1, 4), audit.search(new AuditQuery(user, client, null, null, null, null), 1, 3).stream()
                .map(AuditRecord::at).toList(), "a page from the second");
        assertEquals(0, audit.count(new AuditQuery(user, null, null, null, now.plusSeconds(3_600), null)), "a range after the last record");
    }

    @Test
    void searchFiltersByUserClientOutcomeCategoryAndTimeWithPaging() {
        String client = unique("vpn");
        String login = unique("ann");
        Instant t0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MICROS); // what a TIMESTAMP keeps
        for (int i = 0; i < 25; i++) {
            auth(t0.plusSeconds(i), i % 5 == 0 ? "REJECTED" : "ACCEPTED", i % 5 == 0 ? "wrong password" : null, login,
                    i % 5 == 0 ? null : "internal:" + login, client);
        }
        audit.record(new AuditRecord(t0, "token.unlock", "DONE", null, "helpdesk", "internal:" + login, null, "admin", null, null, null));
        audit.record(new AuditRecord(t0, "auth.radius", "ACCEPTED", null, "someone-else", "internal:someone-else", null, "radius", client, null, null));

        assertEquals(26, audit.count(new AuditQuery(null, client, null, null, null, null)));
        assertEquals(25, audit.count(new AuditQuery(login, client, null, null, null, null)), "a login matches user ids and rejected attempts' actor");
        assertEquals(21, audit.count(new AuditQuery("internal:" + login, null, null, null, null, null)), "a user id matches exactly");
        assertEquals(5, audit.count(new AuditQuery(login, null, "REJECTED", null, null, null)));
        assertEquals(25, audit.count(new AuditQuery(login, null, null, "auth", null, null)), "a category prefix");
        assertEquals(1, audit.count(new AuditQuery(login, null, null, "token.unlock", null, null)));
        assertEquals(0, audit.count(new AuditQuery(login, null, null, "aut", null, null)), "a prefix ends at a dot");
        assertEquals(10, audit.count(new AuditQuery(login, client, null, null, t0.plusSeconds(10), t0.plusSeconds(20))), "from inclusive, to exclusive");
        assertEquals(0, audit.count(new AuditQuery("%", null, null, null, null, null)), "LIKE wildcards in input are literal");

        List<AuditRecord> page1 = audit.search(new AuditQuery(login, client, null, null, null, null), 0, 10);
        List<AuditRecord> page3 = audit.search(new AuditQuery(login, client, null, null, null, null), 20, 10);
        assertEquals(10, page1.size());
        assertEquals(5, page3.size());
        assertEquals(t0.plusSeconds(24), page1.get(0).at(), "newest first");
        assertEquals(t0, page3.get(4).at());
        assertThrows(Exception.class, () -> audit.search(AuditQuery.all(), 0, 1001));
    }

    @Test
    void csvExportIsCompleteQuotedAndFormulaSafe() throws Exception {
        String client = unique("csv, \"quoted\"");
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        int rows = 1234; // more than two export chunks
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO CS_AUDIT_EVENT (ID, AT, CATEGORY, OUTCOME, ACTOR, CLIENT, DETAIL) VALUES (?, ?, 'auth.radius', ?, ?, ?, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setLong(1, 9_000_000_000L + Math.abs((long) client.hashCode()) % 100_000 * 10_000 + i);
                insert.setTimestamp(2, column(t0.plusSeconds(i)));
                insert.setString(3, i % 2 == 0 ? "ACCEPTED" : "REJECTED");
                insert.setString(4, i == 7 ? "=HYPERLINK(\"http://evil\")" : "user" + i);
                insert.setString(5, client);
                insert.setString(6, i == 8 ? "two\nlines" : "-" + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        StringWriter out = new StringWriter();
        long written = audit.exportCsv(new AuditQuery(null, client, null, null, null, null), out, 1_000_000);
        assertEquals(rows, written);
        String csv = out.toString();
        assertTrue(csv.startsWith("time,category,outcome,reason,actor,user,token,channel,client,address,detail\r\n"));
        String quotedClient = "\"" + client.replace("\"", "\"\"") + "\"";
        assertTrue(csv.contains("\r\n2026-01-01T10:20:33Z,auth.radius,REJECTED,,user1233,,,," + quotedClient + ",,'-1233\r\n"), csv.substring(0, 400));
        assertTrue(csv.contains(",'=HYPERLINK(\"\"http://evil\"\")\",") || csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","), "formula neutralised");
        assertTrue(csv.contains(",\"two\nlines\"\r\n"));
        assertEquals(rows + 1, csv.split("\r\n", -1).length - 1, "one line per record plus the header");
        StringWriter limited = new StringWriter();
        assertEquals(617, audit.exportCsv(new AuditQuery(null, client, "ACCEPTED", null, null, null), limited, 1_000_000));
        assertEquals(10, audit.exportCsv(AuditQuery.all(), new StringWriter(), 10));
        // these rows have no LOGIN, as records written before the login columns until they are filled: found by login
        assertEquals(1, audit.count(new AuditQuery("user5", client, null, null, null, null)));
        StringWriter byLogin = new StringWriter();
        assertEquals(1, audit.exportCsv(new AuditQuery("user1233", client, null, null, t0, null), byLogin, 1_000_000));
        assertTrue(byLogin.toString().contains(",user1233,"), byLogin.toString());
    }

    @Test
    void authenticationsPerHourAreCountedInTheirClockHour() {
        // a day long past that no other test (or earlier run on this database) writes to
        Duration shift = Duration.ofDays(new java.util.Random().nextInt(3000) * 2L);
        Function<String, Instant> at = text -> Instant.parse(text).minus(shift);
        Instant now = at.apply("2001-03-04T10:42:00Z");
        String client = unique("hours");
        auth(at.apply("2001-03-04T10:05:00Z"), "ACCEPTED", null, "a", "internal:a", client);
        auth(at.apply("2001-03-04T10:59:59Z"), "REJECTED", "wrong password", "a", null, client);
        auth(at.apply("2001-03-04T08:00:00Z"), "ACCEPTED", null, "a", "internal:a", client);
        auth(at.apply("2001-03-04T08:30:00Z"), "ACCEPTED", null, "a", "internal:a", client);
        auth(at.apply("2001-03-03T11:00:00Z"), "REJECTED", "unknown user", "b", null, client);
        auth(at.apply("2001-03-03T10:59:59Z"), "REJECTED", "outside the window", "b", null, client);
        auth(at.apply("2001-03-04T11:00:00Z"), "ACCEPTED", null, "after", "internal:after", client);
        audit.record(new AuditRecord(at.apply("2001-03-04T09:10:00Z"), "token.verify", "ACCEPTED", null, "a", "internal:a", null, null, null, null, null));

        List<HourCount> hours = dashboard.authenticationsPerHour(now, 24);
        assertEquals(24, hours.size());
        assertEquals(at.apply("2001-03-03T11:00:00Z"), hours.get(0).hour());
        assertEquals(at.apply("2001-03-04T10:00:00Z"), hours.get(23).hour());
        Map<Instant, HourCount> byHour = hours.stream().collect(Collectors.toMap(HourCount::hour, Function.identity()));
        assertEquals(new HourCount(at.apply("2001-03-04T10:00:00Z"), 1, 1), byHour.get(at.apply("2001-03-04T10:00:00Z")));
        assertEquals(new HourCount(at.apply("2001-03-04T08:00:00Z"), 2, 0), byHour.get(at.apply("2001-03-04T08:00:00Z")));
        assertEquals(new HourCount(at.apply("2001-03-03T11:00:00Z"), 0, 1), byHour.get(at.apply("2001-03-03T11:00:00Z")));
        assertEquals(new HourCount(at.apply("2001-03-04T09:00:00Z"), 0, 0), byHour.get(at.apply("2001-03-04T09:00:00Z")),
                "token.verify is not an authentication");
        assertEquals(5, hours.stream().mapToLong(h -> h.accepted() + h.rejected()).sum());
        assertEquals(168, dashboard.authenticationsPerHour(now, 168).size());
    }

    @Test
    void authenticationsSinceCountOutcomesAndReasons() {
        Instant since = Instant.now().minusSeconds(1);
        AuthenticationSummary before = dashboard.authenticationsSince(since);
        String client = unique("today");
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            auth(now, "ACCEPTED", null, "u" + i, "internal:u" + i, client);
        }
        auth(now, "REJECTED", "wrong password", "x", null, client);
        auth(now, "REJECTED", "wrong password", "x", null, client);
        auth(now, "REJECTED", "unknown user", "y", null, client);
        auth(now, "CHALLENGED", null, "z", null, client);
        AuthenticationSummary after = dashboard.authenticationsSince(since);
        assertEquals(3, after.accepted() - before.accepted());
        assertEquals(3, after.rejected() - before.rejected());
        assertEquals(1, after.challenged() - before.challenged());
        assertEquals(2, reason(after, "wrong password") - reason(before, "wrong password"));
        assertEquals(1, reason(after, "unknown user") - reason(before, "unknown user"));

        List<AuditRecord> latest = dashboard.latestAuthentications(7);
        assertEquals(7, latest.size());
        assertTrue(latest.stream().allMatch(r -> r.category().startsWith("auth.")));
        assertTrue(latest.stream().allMatch(r -> client.equals(r.client())), "the seven just written are the latest");
    }

    @Test
    void accountingCountsNothingAfterNowAndRefusesABadMaximum() {
        AccountingSummary none = dashboard.accountingSince(Instant.now().plusSeconds(3600), 5);
        assertEquals(0, none.records());
        assertTrue(none.latest().size() <= 5);
        for (int max : new int[] {0, 101}) {
            Exception e = assertThrows(Exception.class, () -> dashboard.accountingSince(Instant.now(), max));
            assertTrue(String.valueOf(e.getMessage()).contains("max must be 1 to 100") || String.valueOf(e.getCause()).contains("max must be 1 to 100"), e.toString());
        }
    }

    @Test
    void tokensAreCountedByTypeAndStatusAndUsersWithActiveTokens() {
        TokenSummary before = dashboard.tokens();
        String user = "internal:" + unique("dash");
        TokenView email = tokens.enrolServerCodeToken(user, "email");
        tokens.enrolServerCodeToken(user, "sms");
        String other = "internal:" + unique("dash");
        TokenView locked = tokens.enrolServerCodeToken(other, "email");
        tokens.disable(locked.id(), "it-admin");
        TokenSummary after = dashboard.tokens();
        assertEquals(1, after.usersWithActiveToken() - before.usersWithActiveToken(), "two active tokens, one user");
        assertEquals(1, count(after, "email", TokenStatus.ACTIVE) - count(before, "email", TokenStatus.ACTIVE));
        assertEquals(1, count(after, "sms", TokenStatus.ACTIVE) - count(before, "sms", TokenStatus.ACTIVE));
        assertEquals(1, count(after, "email", TokenStatus.DISABLED) - count(before, "email", TokenStatus.DISABLED));
        assertEquals(3, after.tokenTotal() - before.tokenTotal());
        assertFalse(email.id().isEmpty());
    }

    @Test
    void dashboardQueriesStayFastOverManyAuditRecords() throws Exception {
        // authentications spread over the last 7 days, 5,000 users, a quarter rejected: 10,000 in the test command,
        // 100,000 or more for the benchmark figure (-Dit.dashboard-bench-rows=100000, see it/README.md)
        int total = Integer.getInteger("it.dashboard-bench-rows", 10_000);
        Instant base = Instant.now();
        try (Connection c = dataSource.getConnection();
             // LOGIN as the server writes it (OTHER_ACTOR empty: each attempt's actor is its own login)
             PreparedStatement insert = c.prepareStatement("INSERT INTO CS_AUDIT_EVENT (ID, AT, CATEGORY, OUTCOME, REASON, ACTOR, USER_ID, CHANNEL, CLIENT, "
                     + "LOGIN) VALUES (?, ?, 'auth.radius', ?, ?, ?, ?, 'radius', 'load-vpn', ?)")) {
            for (long x = 1; x <= total; x++) {
                boolean rejected = x % 4 == 0;
                insert.setLong(1, 20_000_000_000L + x);
                insert.setTimestamp(2, column(base.minusSeconds(x * 7919 % 604_800)));
                insert.setString(3, rejected ? "REJECTED" : "ACCEPTED");
                insert.setString(4, rejected ? (x % 8 == 0 ? "wrong password" : "wrong passcode") : null);
                insert.setString(5, "load" + x % 5000);
                insert.setString(6, rejected ? null : "internal:load" + x % 5000);
                insert.setString(7, "load" + x % 5000);
                insert.addBatch();
                if (x % 5000 == 0 || x == total) {
                    insert.executeBatch();
                }
            }
        }
        try {
            Instant now = Instant.now();
            // the first refresh counts each settled hour (and keeps the count); the rounds after count the hour under way
            long first = System.nanoTime();
            dashboard.authenticationsPerHour(now, 24);
            long firstMillis = (System.nanoTime() - first) / 1_000_000;
            long[] millis = new long[3];
            StringBuilder parts = new StringBuilder();
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                long t = start;
                dashboard.tokens();
                t = lap(parts, i, "tokens", t);
                AuthenticationSummary day = dashboard.authenticationsSince(now.minus(Duration.ofDays(1)));
                t = lap(parts, i, "today", t);
                List<HourCount> hours = dashboard.authenticationsPerHour(now, 24);
                t = lap(parts, i, "per-hour", t);
                dashboard.latestAuthentications(20);
                t = lap(parts, i, "latest", t);
                audit.count(new AuditQuery("load42", "load-vpn", null, "auth", now.minus(Duration.ofDays(7)), null));
                t = lap(parts, i, "count(user,client,category,7d)", t);
                audit.search(new AuditQuery(null, "load-vpn", "REJECTED", null, null, null), 5000, 50);
                lap(parts, i, "search(client,outcome) page 101", t);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                assertTrue(day.decided() >= total / 8, "about a seventh fall in the last day: " + day.decided());
                assertTrue(hours.stream().mapToLong(h -> h.accepted() + h.rejected()).sum() >= total / 9);
            }
            java.util.Arrays.sort(millis);
            System.out.println("DASHBOARD-BENCH: one dashboard refresh plus two audit queries over " + total + " added audit records: median "
                    + millis[1] + " ms, worst " + millis[2] + " ms; first per-hour (24 hours counted) " + firstMillis + " ms; last round:" + parts);
            assertTrue(millis[1] < 3000, "median " + millis[1] + " ms");
        } finally {
            try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM CS_AUDIT_EVENT WHERE ID > 20000000000 AND ID <= " + (20_000_000_000L + total))) {
                delete.executeUpdate();
            }
        }
    }

    private static long lap(StringBuilder parts, int round, String name, long since) {
        long now = System.nanoTime();
        if (round == 2) {
            parts.append(' ').append(name).append(' ').append((now - since) / 1_000_000).append(" ms;");
        }
        return now;
    }

    private static long reason(AuthenticationSummary s, String reason) {
        return s.rejectedByReason().stream().filter(r -> r.reason().equals(reason)).mapToLong(ReasonCount::count).sum();
    }

    private static long count(TokenSummary s, String type, TokenStatus status) {
        return s.tokens().stream().filter(t -> t.type().equals(type) && t.status() == status).mapToLong(TokenCount::count).sum();
    }
}
