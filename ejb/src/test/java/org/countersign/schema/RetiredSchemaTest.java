package org.countersign.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.countersign.audit.AuditEvent;
import org.junit.jupiter.api.Test;

/** What earlier builds created and this one removes, on H2 tables shaped as those builds left them. */
class RetiredSchemaTest {

    /** The audit table as the mapping makes it. */
    private static final String AUDIT_TABLE = "CREATE TABLE CS_AUDIT_EVENT (ID BIGINT PRIMARY KEY, AT TIMESTAMP NOT NULL, CATEGORY VARCHAR(64) NOT NULL,"
            + " OUTCOME VARCHAR(16) NOT NULL, REASON VARCHAR(32), ACTOR VARCHAR(256), USER_ID VARCHAR(256), CLIENT VARCHAR(128), LOGIN VARCHAR(256),"
            + " OTHER_ACTOR VARCHAR(256))";

    /** The dashboard's count of a day's authentications (DashboardBean.AUTHENTICATIONS and a time range), explained. */
    private static final String TODAY = "EXPLAIN SELECT OUTCOME, COUNT(*) FROM CS_AUDIT_EVENT e WHERE e.CATEGORY LIKE 'auth.%'"
            + " AND e.AT >= TIMESTAMP '2026-12-01 00:00:00' GROUP BY OUTCOME";

    @Test
    void dropsTheOldSearchColumnWhereItIsAndIsRepeatable() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:retired-columns;MODE=LEGACY", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE CS_USER (ID VARCHAR(256) PRIMARY KEY, SEARCH_TEXT VARCHAR(1024) NOT NULL)");
            assertEquals(List.of(), RetiredSchema.apply(c));
            assertEquals(List.of(), RetiredSchema.apply(c));
            s.execute("INSERT INTO CS_USER (ID) VALUES ('corp:jdoe')");
            assertEquals(1, count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'CS_USER'"));
        }
    }

    @Test
    void dropsTheActorIndexSoTheTimestampMigrationCanDropTheColumnItNamed() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:retired-actor;MODE=LEGACY", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE CS_AUDIT_EVENT (ID BIGINT PRIMARY KEY, AT VARBINARY(255) NOT NULL, CATEGORY VARCHAR(64), OUTCOME VARCHAR(16),"
                    + " REASON VARCHAR(32), ACTOR VARCHAR(256), USER_ID VARCHAR(256), CLIENT VARCHAR(128), LOGIN VARCHAR(256),"
                    + " OTHER_ACTOR VARCHAR(256))"); // the last two added by EclipseLink as the start deploys
            s.execute("CREATE INDEX CS_AUDIT_ACTOR ON CS_AUDIT_EVENT (ACTOR, AT)");
            s.execute("CREATE INDEX CS_AUDIT_USER ON CS_AUDIT_EVENT (USER_ID, AT)");
            assertEquals(List.of(), RetiredSchema.apply(c));
            TimestampColumns.migrate(c, TimestampColumns.targets(List.of(AuditEvent.class)));
            createMappedAuditIndexes(s);
            assertEquals(0, count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'CS_AUDIT_ACTOR'"));
            assertEquals(0, count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'CS_AUDIT_USER'"));
            assertEquals(5, count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'CS_AUDIT_EVENT'"
                    + " AND INDEX_NAME LIKE 'CS_AUDIT_%'"));
            assertEquals(List.of(), RetiredSchema.apply(c), "nothing left to drop, and no error saying so");
        }
    }

    @Test
    void dropsTheCategoryIndexAndTheDashboardCountsThenComeByTime() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:retired-category;MODE=LEGACY", "sa", "");
             Statement s = c.createStatement()) {
            s.execute(AUDIT_TABLE);
            // the time and category indexes as built before
            s.execute("CREATE INDEX CS_AUDIT_AT ON CS_AUDIT_EVENT (AT)");
            s.execute("CREATE INDEX CS_AUDIT_CATEGORY ON CS_AUDIT_EVENT (CATEGORY, AT)");
            // the dashboard's count: by the category index
            assertTrue(plan(s, TODAY).contains("CS_AUDIT_CATEGORY"), plan(s, TODAY));
            assertEquals(List.of(), RetiredSchema.apply(c));
            assertEquals(0, count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'CS_AUDIT_CATEGORY'"));
            createMappedAuditIndexes(s);
            assertTrue(plan(s, TODAY).contains("CS_AUDIT_TIME: AT >="), plan(s, TODAY));
            assertEquals(List.of(), IndexUpkeep.statements(List.of(AuditEvent.class)).stream().filter(d -> d.contains("(CATEGORY")).toList(),
                    "no mapped index begins with the category any more");
        }
    }

    @Test
    void replacesTheTimeIndexByOneThatHoldsWhatTheDashboardCounts() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:retired-time;MODE=LEGACY", "sa", "");
             Statement s = c.createStatement()) {
            s.execute(AUDIT_TABLE);
            s.execute("CREATE INDEX CS_AUDIT_AT ON CS_AUDIT_EVENT (AT)"); // as built before
            assertEquals(List.of(), RetiredSchema.apply(c));
            assertEquals(0, count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'CS_AUDIT_AT'"));
            createMappedAuditIndexes(s);
            assertEquals(List.of("AT", "CATEGORY", "OUTCOME", "REASON"), columns(s, "CS_AUDIT_TIME"));
            // the dashboard's counts, the day's and the hours', walk it by time
            assertTrue(plan(s, TODAY).contains("CS_AUDIT_TIME: AT >="), plan(s, TODAY));
            String hours = "EXPLAIN SELECT SUM(CASE WHEN e.AT < TIMESTAMP '2026-12-01 01:00:00' AND e.OUTCOME = 'ACCEPTED' THEN 1 ELSE 0 END)"
                    + " FROM CS_AUDIT_EVENT e WHERE e.CATEGORY LIKE 'auth.%' AND e.AT >= TIMESTAMP '2026-12-01 00:00:00'"
                    + " AND e.AT < TIMESTAMP '2026-12-02 00:00:00'";
            assertTrue(plan(s, hours).contains("CS_AUDIT_TIME: AT "), plan(s, hours));
        }
    }

    @Test
    void anEmptyDatabaseIsNoFailure() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:retired-empty;MODE=LEGACY", "sa", "")) {
            assertEquals(List.of(), RetiredSchema.apply(c));
        }
    }

    @Test
    void aStatementThatFailsIsReportedAndTheOthersStillRun() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:retired-locked;MODE=LEGACY", "sa", "");
             Statement s = c.createStatement()) {
            // a view over the column makes its drop fail; the index drop after it must still happen
            s.execute("CREATE TABLE CS_USER (ID VARCHAR(256) PRIMARY KEY, SEARCH_TEXT VARCHAR(1024))");
            s.execute("CREATE VIEW CS_USER_SEARCH AS SELECT SEARCH_TEXT FROM CS_USER");
            s.execute("CREATE TABLE CS_AUDIT_EVENT (ID BIGINT PRIMARY KEY, ACTOR VARCHAR(256))");
            s.execute("CREATE INDEX CS_AUDIT_ACTOR ON CS_AUDIT_EVENT (ACTOR)");
            List<String> failures = RetiredSchema.apply(c);
            assertEquals(1, failures.size(), failures.toString());
            assertTrue(failures.get(0).startsWith("could not run ALTER TABLE IF EXISTS CS_USER DROP COLUMN"), failures.get(0));
            assertEquals(0, count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'CS_AUDIT_ACTOR'"));
        }
    }

    private static void createMappedAuditIndexes(Statement s) throws SQLException {
        for (String ddl : IndexUpkeep.statements(List.of(AuditEvent.class))) {
            s.execute(ddl);
        }
    }

    private static String plan(Statement s, String explain) throws SQLException {
        try (ResultSet rs = s.executeQuery(explain)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> columns(Statement s, String index) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE INDEX_NAME = '" + index
                + "' ORDER BY ORDINAL_POSITION")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
