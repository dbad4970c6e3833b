package org.countersign.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The login columns of audit records written before they existed, filled at start-up. */
class AuditLoginsTest {

    private static final String TABLE = "CREATE TABLE CS_AUDIT_EVENT (ID BIGINT PRIMARY KEY, AT TIMESTAMP NOT NULL, CATEGORY VARCHAR(64) NOT NULL,"
            + " OUTCOME VARCHAR(16) NOT NULL, ACTOR VARCHAR(256), USER_ID VARCHAR(256), LOGIN VARCHAR(256), OTHER_ACTOR VARCHAR(256))";

    @Test
    void fillsRangeByRangeGoesOnAfterAStopAndALaterStartFindsNothingThroughTheLoginIndex() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:audit-logins", "sa", ""); Statement s = c.createStatement()) {
            s.execute(TABLE);
            // actor, user id, and the login and other actor expected
            String[][] kinds = {
                {"bob", "corp:bob", "bob", null},
                {"BOB", "corp:bob", "bob", "BOB"},
                {"bob", null, "bob", null},
                {"carol", "internal:bob", "bob", "carol"},
                {"system", "corp:a:b", "a:b", "system"},  // the login part follows the first colon
                {"carol", "nocolon", "nocolon", "carol"}, // no colon: the whole id
                {null, "corp:dave", "dave", null},
                {null, null, "", null},                   // filled all the same, so that only unfilled records have none
            };
            int rows = 3 * AuditLogins.CHUNK + 7; // more than one range, the last one partial
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO CS_AUDIT_EVENT (ID, AT, CATEGORY, OUTCOME, ACTOR, USER_ID)"
                    + " VALUES (?, ?, 'auth.radius', 'ACCEPTED', ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setLong(1, 1000 + 2L * i); // ids with gaps, not from 1
                    insert.setTimestamp(2, Timestamp.from(Instant.parse("2026-12-01T00:00:00Z").plusSeconds(i)));
                    insert.setString(3, kinds[i % kinds.length][0]);
                    insert.setString(4, kinds[i % kinds.length][1]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            int[] chunks = {0};
            long first = AuditLogins.fill(c, () -> chunks[0]++ == 1); // stopped after one range, as by the server's stop
            assertEquals(AuditLogins.CHUNK / 2, first, "the first range of ids, every other id used");
            assertEquals(rows - first, AuditLogins.fill(c), "the rest at the next start");
            try (ResultSet r = s.executeQuery("SELECT ID, LOGIN, OTHER_ACTOR FROM CS_AUDIT_EVENT ORDER BY ID")) {
                for (int i = 0; r.next(); i++) {
                    String[] kind = kinds[i % kinds.length];
                    assertEquals(kind[2], r.getString(2), "login of " + Arrays.toString(kind));
                    assertEquals(kind[3], r.getString(3), "other actor of " + Arrays.toString(kind));
                }
            }
            assertEquals(0, AuditLogins.fill(c), "repeatable");
            s.execute("CREATE INDEX CS_AUDIT_LOGIN ON CS_AUDIT_EVENT (LOGIN, AT)");
            try (ResultSet r = s.executeQuery("EXPLAIN " + AuditLogins.PENDING)) {
                r.next();
                assertTrue(r.getString(1).contains("CS_AUDIT_LOGIN: LOGIN IS NULL"), r.getString(1));
            }
        }
    }

    @Test
    void aDatabaseWithoutAuditRecordsHasNothingToFill() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:audit-logins-empty", "sa", ""); Statement s = c.createStatement()) {
            s.execute(TABLE);
            assertEquals(0, AuditLogins.fill(c));
        }
    }
}
