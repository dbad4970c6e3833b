package org.countersign.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.countersign.audit.AuditEvent;
import org.countersign.token.Token;
import org.junit.jupiter.api.Test;

/** The start-up migration of serialized Instant columns to TIMESTAMP, on H2 tables shaped as earlier builds left them. */
class TimestampColumnsTest {

    private static final List<TimestampColumns.Target> AUDIT = TimestampColumns.targets(List.of(AuditEvent.class));

    @Test
    void findsEveryInstantColumnOfTheEntitiesWithTheIndexesOverIt() {
        TimestampColumns.Target at = AUDIT.get(0);
        assertEquals(1, AUDIT.size());
        assertEquals("CS_AUDIT_EVENT", at.table());
        assertEquals("ID", at.key());
        assertEquals("AT", at.column());
        assertFalse(at.nullable());
        assertEquals(List.of("CS_AUDIT_TIME", "CS_AUDIT_LOGIN", "CS_AUDIT_OTHER_ACTOR", "CS_AUDIT_CLIENT", "CS_AUDIT_OUTCOME"), at.indexes());
        List<String> token = TimestampColumns.targets(List.of(Token.class)).stream().map(t -> t.table() + "." + t.column() + " by " + t.key()).toList();
        assertEquals(List.of("CS_TOKEN_STATE.CODE_EXPIRES_AT by ID", "CS_TOKEN.LOCKED_AT by ID", "CS_TOKEN.CREATED_AT by ID",
                "CS_TOKEN_STATE.LAST_USED_AT by ID"), token);
    }

    @Test
    void convertsEveryRowKeepsTheValuesAndIsRepeatable() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:timestamps-all;MODE=LEGACY", "sa", "")) {
            List<Instant> written = oldAuditTable(c, 1_234); // more rows than one batch, and not a multiple of it
            TimestampColumns.migrate(c, AUDIT);
            assertEquals(written, read(c));
            assertEquals("TIMESTAMP", type(c, "AT"));
            assertEquals("NO", nullable(c, "AT"));
            TimestampColumns.migrate(c, AUDIT); // nothing left to do
            assertEquals(written, read(c));
        }
    }

    @Test
    void aStartInterruptedHalfWayIsFinishedByTheNext() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:timestamps-half;MODE=LEGACY", "sa", "");
             Statement s = c.createStatement()) {
            List<Instant> written = oldAuditTable(c, 700);
            // as a start stopped after the twin column and part of the copy
            s.execute("ALTER TABLE CS_AUDIT_EVENT ADD COLUMN AT_TS TIMESTAMP");
            s.execute("UPDATE CS_AUDIT_EVENT SET AT_TS = TIMESTAMP '2001-01-01 00:00:00' WHERE ID <= 100");
            TimestampColumns.migrate(c, AUDIT);
            List<Instant> after = read(c);
            assertEquals(written.subList(100, 700), after.subList(100, 700), "the rows not copied before are copied now");
            // and one stopped after dropping the old column: only the rename is left
            s.execute("ALTER TABLE CS_AUDIT_EVENT RENAME COLUMN AT TO AT_TS");
            TimestampColumns.migrate(c, AUDIT);
            assertEquals(after, read(c));
        }
    }

    @Test
    void aValueThatIsNotAnInstantStopsTheMigrationAndChangesNothingOfThatBatch() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:timestamps-bad;MODE=LEGACY", "sa", "")) {
            oldAuditTable(c, 10);
            try (PreparedStatement bad = c.prepareStatement("UPDATE CS_AUDIT_EVENT SET AT = ? WHERE ID = 3")) {
                bad.setBytes(1, serialized("not an instant"));
                bad.executeUpdate();
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> TimestampColumns.migrate(c, AUDIT));
            assertEquals("CS_AUDIT_EVENT.AT: a stored value is a java.lang.String, not an Instant", e.getMessage());
            assertEquals("BINARY VARYING", type(c, "AT"), "the old column stays");
            try (PreparedStatement other = c.prepareStatement("UPDATE CS_AUDIT_EVENT SET AT = ? WHERE ID = 3")) {
                other.setBytes(1, serialized(new java.util.Date())); // any other class is refused before it is built
                other.executeUpdate();
            }
            e = assertThrows(IllegalStateException.class, () -> TimestampColumns.migrate(c, AUDIT));
            assertTrue(e.getMessage().startsWith("CS_AUDIT_EVENT.AT: a stored value is not a serialized Instant"), e.getMessage());
        }
    }

    /** The table as EclipseLink created it without a converter: AT a serialized Instant, indexes over it. */
    private static List<Instant> oldAuditTable(Connection c, int rows) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE CS_AUDIT_EVENT (ID BIGINT PRIMARY KEY, AT VARBINARY(255) NOT NULL, CATEGORY VARCHAR(64), USER_ID VARCHAR(256))");
            s.execute("CREATE INDEX CS_AUDIT_AT ON CS_AUDIT_EVENT (AT)");
            s.execute("CREATE INDEX CS_AUDIT_USER ON CS_AUDIT_EVENT (USER_ID, AT)");
        }
        // as at start-up, the retired schema step first: it drops CS_AUDIT_AT, which the mapping no longer names
        RetiredSchema.apply(c);
        List<Instant> written = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO CS_AUDIT_EVENT (ID, AT, CATEGORY, USER_ID) VALUES (?, ?, 'x', 'u')")) {
            for (int i = 1; i <= rows; i++) {
                Instant at = Instant.parse("2026-11-23T09:00:00.123456Z").plusSeconds(i * 37L);
                insert.setLong(1, i);
                insert.setBytes(2, serialized(at));
                insert.executeUpdate();
                written.add(at);
            }
        }
        return written;
    }

    private static List<Instant> read(Connection c) throws SQLException {
        List<Instant> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT AT FROM CS_AUDIT_EVENT ORDER BY ID")) {
            while (rows.next()) {
                values.add(rows.getTimestamp(1).toInstant());
            }
        }
        return values;
    }

    private static String type(Connection c, String column) throws SQLException {
        return schema(c, column, "DATA_TYPE");
    }

    private static String nullable(Connection c, String column) throws SQLException {
        return schema(c, column, "IS_NULLABLE");
    }

    private static String schema(Connection c, String column, String what) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + what + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'CS_AUDIT_EVENT' AND COLUMN_NAME = ?")) {
            q.setString(1, column);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static byte[] serialized(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
