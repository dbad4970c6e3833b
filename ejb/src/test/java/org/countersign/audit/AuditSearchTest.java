package org.countersign.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.countersign.api.audit.AuditQuery;
import org.countersign.api.audit.AuditRecord;
import org.countersign.jpa.InstantColumn;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit search by user id and by bare login, through JPA on a real H2 database: which records each finds, and
 * that H2 reads them by index, not by the time range. Records are written as the server writes them ({@link AuditRows}),
 * a third of them then as an earlier build wrote them, without login columns, and filled later as after a start
 * ({@link AuditLogins}).
 */
class AuditSearchTest {

    private static final String URL = "jdbc:h2:mem:audit-search;DB_CLOSE_DELAY=-1;QUERY_STATISTICS=TRUE";
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final List<AuditRecord> WRITTEN = new ArrayList<>();
    private static EntityManagerFactory emf;

    @BeforeAll
    static void writeRecords() {
        emf = Persistence.createEntityManagerFactory("audit-test", Map.of("jakarta.persistence.jdbc.url", URL,
                "jakarta.persistence.jdbc.user", "sa", "jakarta.persistence.jdbc.password", ""));
        emf.createEntityManager().close();
        // actor, user id: each as the server writes them
        String[][] records = {
            {"bob", "corp:bob"},          // an accepted login
            {"bob", null},                // a rejected login
            {"BOB", "corp:bob"},          // accepted, given in other letters
            {"carol", "corp:bob"},        // an administrator's change to bob
            {"carol", "internal:bob"},    // ... and to another bob
            {"carol", null},              // an administrator's change to no user (a directory added)
            {"system", "corp:dave"},      // a mail sent to dave
            {"bobby", "corp:bobby"},      // neither bob's nor carol's
            {"alice", "corp:xbob"},
            {null, null},                 // a rejected empty user name
            {"bob_", "corp:bob%"},        // LIKE's wildcards, literal here
            {"dave", "corp:bob"},         // dave acting on bob
        };
        List<AuditEvent> events = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < records.length; i++) {
                AuditRecord r = new AuditRecord(T0.plusSeconds(3600L * round + i), "auth.radius", i % 2 == 0 ? "ACCEPTED" : "REJECTED",
                        null, records[i][0], records[i][1], null, "radius", "vpn", null, null);
                WRITTEN.add(r);
                events.add(new AuditEvent(r));
            }
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(URL);
        dataSource.setUser("sa");
        new AuditRows(dataSource).insert(events);
        // the second round as records written before the login columns existed, to be filled after a start
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); PreparedStatement clear = c.prepareStatement(
                "UPDATE CS_AUDIT_EVENT SET LOGIN = NULL, OTHER_ACTOR = NULL WHERE AT >= ? AND AT < ?")) {
            clear.setTimestamp(1, InstantColumn.of(T0.plusSeconds(3600)));
            clear.setTimestamp(2, InstantColumn.of(T0.plusSeconds(7200)));
            assertEquals(records.length, clear.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    @Test
    void searchesFindRecordsWrittenBeforeTheLoginColumnsBeforeAndAfterTheyAreFilled() throws SQLException {
        aBareLoginFindsTheRecordsOfEveryUserWithThatLoginAndThoseItActedIn();
        aUserIdFindsThatUsersRecordsOnly();
        try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
            assertEquals(12, AuditLogins.fill(c), "the second round's records");
            assertEquals(0, AuditLogins.fill(c));
        }
        aBareLoginFindsTheRecordsOfEveryUserWithThatLoginAndThoseItActedIn();
        aUserIdFindsThatUsersRecordsOnly();
    }

    private void aBareLoginFindsTheRecordsOfEveryUserWithThatLoginAndThoseItActedIn() {
        for (String login : List.of("bob", "BOB", "carol", "system", "dave", "bobby", "xbob", "bob_", "bob%", "nobody")) {
            // as the search was defined before the login columns: the login part of the user id (after its first colon;
            // LIKE matched after any), or the actor
            Predicate<AuditRecord> expected = r -> r.userId() != null && r.userId().substring(r.userId().indexOf(':') + 1).equals(login)
                    || login.equals(r.actor());
            assertFinds(new AuditQuery(login, null, null, null, null, null), expected, login);
            Instant from = T0.plusSeconds(3600);
            Instant to = T0.plusSeconds(7200 + 5);
            assertFinds(new AuditQuery(login, null, null, null, from, to),
                    expected.and(r -> !r.at().isBefore(from) && r.at().isBefore(to)), login + " within a time range");
            assertFinds(new AuditQuery(login, null, "REJECTED", null, from, null),
                    expected.and(r -> !r.at().isBefore(from) && r.outcome().equals("REJECTED")), login + ", rejected, from a time");
        }
    }

    private void aUserIdFindsThatUsersRecordsOnly() {
        for (String user : List.of("corp:bob", "internal:bob", "corp:dave", "corp:bob%", "corp:nobody")) {
            assertFinds(new AuditQuery(user, null, null, null, null, null), r -> user.equals(r.userId()), user);
            EntityManager em = emf.createEntityManager();
            try {
                List<AuditRecord> latest = new AuditBean(em).latest(user, 2);
                assertEquals(expected(r -> user.equals(r.userId())).stream().limit(2).toList(), latest, user);
            } finally {
                em.close();
            }
        }
    }

    @Test
    void bothSearchesAreReadByTheLoginIndexesNotByTheTimeRange() throws SQLException {
        EntityManager em = emf.createEntityManager();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            AuditBean bean = new AuditBean(em);
            s.execute("SET QUERY_STATISTICS FALSE");
            s.execute("SET QUERY_STATISTICS TRUE"); // emptied: only the next two searches' statements are kept
            bean.search(new AuditQuery("bob", null, null, null, T0, T0.plusSeconds(86_400)), 0, 50);
            bean.count(new AuditQuery("corp:bob", null, null, null, T0, null));
            List<String> statements = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                while (r.next()) {
                    statements.add(r.getString(1));
                }
            }
            String login = statements.stream().filter(q -> q.contains("UNION")).findFirst().orElseThrow(() -> new AssertionError(statements));
            String user = statements.stream().filter(q -> q.startsWith("SELECT COUNT")).findFirst().orElseThrow(() -> new AssertionError(statements));
            String loginPlan = plan(c, login);
            // the records come by key from index ranges, each bounded by login (or unfilled) and time
            assertTrue(Pattern.compile("PRIMARY_KEY_\\w*: ID IN\\(").matcher(loginPlan).find(), loginPlan);
            assertTrue(Pattern.compile("CS_AUDIT_LOGIN: [^*]*LOGIN = \\?").matcher(loginPlan).find(), loginPlan);
            assertTrue(Pattern.compile("CS_AUDIT_OTHER_ACTOR: [^*]*OTHER_ACTOR = \\?").matcher(loginPlan).find(), loginPlan);
            assertTrue(Pattern.compile("CS_AUDIT_LOGIN: [^*]*LOGIN IS NULL").matcher(loginPlan).find(), loginPlan);
            assertFalse(loginPlan.contains("CS_AUDIT_TIME"), loginPlan);
            String userPlan = plan(c, user);
            assertTrue(Pattern.compile("PRIMARY_KEY_\\w*: ID IN\\(").matcher(userPlan).find(), userPlan);
            assertTrue(Pattern.compile("CS_AUDIT_LOGIN: [^*]*LOGIN = \\?").matcher(userPlan).find(), userPlan);
            assertTrue(Pattern.compile("CS_AUDIT_LOGIN: [^*]*LOGIN IS NULL").matcher(userPlan).find(), userPlan);
            assertFalse(userPlan.contains("CS_AUDIT_TIME"), userPlan);
        } finally {
            em.close();
        }
    }

    private static void assertFinds(AuditQuery query, Predicate<AuditRecord> expected, String what) {
        EntityManager em = emf.createEntityManager();
        try {
            AuditBean bean = new AuditBean(em);
            List<AuditRecord> want = expected(expected);
            assertEquals(want, bean.search(query, 0, 1000), what);
            assertEquals(want.size(), bean.count(query), what);
        } finally {
            em.close();
        }
    }

    /** @return the written records that match, newest first (each has its own time) */
    private static List<AuditRecord> expected(Predicate<AuditRecord> matches) {
        return WRITTEN.stream().filter(matches).sorted(Comparator.comparing(AuditRecord::at).reversed()).toList();
    }

    /** @return H2's plan of a statement as EclipseLink sent it, its parameters unset */
    private static String plan(Connection c, String sql) throws SQLException {
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + Objects.requireNonNull(sql)); ResultSet r = explain.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }
}
