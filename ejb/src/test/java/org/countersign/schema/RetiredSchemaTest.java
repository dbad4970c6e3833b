package org.countersign.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.countersign.audit.AuditEvent;
import org.junit.jupiter.api.Test;

/** What earlier builds created and this one removes, on H2 tables shaped as those builds left them. */
class RetiredSchemaTest {

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
                    + " ACTOR VARCHAR(256), USER_ID VARCHAR(256), CLIENT VARCHAR(128))");
            s.execute("CREATE INDEX CS_AUDIT_ACTOR ON CS_AUDIT_EVENT (ACTOR, AT)");
            s.execute("CREATE INDEX CS_AUDIT_USER ON CS_AUDIT_EVENT (USER_ID, AT)");
            assertEquals(List.of(), RetiredSchema.apply(c));
            TimestampColumns.migrate(c, TimestampColumns.targets(List.of(AuditEvent.class)));
            createMappedAuditIndexes(s);
            assertEquals(0, count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'CS_AUDIT_ACTOR'"));
            assertEquals(4, count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'CS_AUDIT_EVENT'"
                    + " AND INDEX_NAME LIKE 'CS_AUDIT_%'"));
            assertEquals(List.of(), RetiredSchema.apply(c), "nothing left to drop, and no error saying so");
        }
    }

    @Test
    void dropsTheCategoryIndexAndTheDashboardCountsThenComeByTime() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:retired-category;MODE=LEGACY", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE CS_AUDIT_EVENT (ID BIGINT PRIMARY KEY, AT TIMESTAMP NOT NULL, CATEGORY VARCHAR(64) NOT NULL,"
                    + " OUTCOME VARCHAR(16) NOT NULL, REASON VARCHAR(32), ACTOR VARCHAR(256), USER_ID VARCHAR(256), CLIENT VARCHAR(128))");
            createMappedAuditIndexes(s);
            s.execute("CREATE INDEX CS_AUDIT_CATEGORY ON CS_AUDIT_EVENT (CATEGORY, AT)");
            // the dashboard's count (DashboardBean.AUTHENTICATIONS and a time range): by the category index, as built before
            String dashboard = "EXPLAIN SELECT OUTCOME, COUNT(*) FROM CS_AUDIT_EVENT e WHERE e.CATEGORY LIKE 'auth.%'"
                    + " AND e.AT >= TIMESTAMP '2026-12-01 00:00:00' GROUP BY OUTCOME";
            assertTrue(plan(s, dashboard).contains("CS_AUDIT_CATEGORY"), plan(s, dashboard));
            assertEquals(List.of(), RetiredSchema.apply(c));
            assertEquals(0, count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'CS_AUDIT_CATEGORY'"));
            assertTrue(plan(s, dashboard).contains("CS_AUDIT_AT: AT >="), plan(s, dashboard));
            assertEquals(List.of(), IndexUpkeep.statements(List.of(AuditEvent.class)).stream().filter(d -> d.contains("CATEGORY")).toList(),
                    "no mapped index names the category any more");
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

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
