package org.countersign.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenStateTableTest {

    /** CS_TOKEN as earlier builds made it, with {@code tokens} rows, and CS_TOKEN_STATE as this build's schema generation adds it. */
    private static void oldTables(Statement s, int tokens) throws Exception {
        s.execute("CREATE TABLE CS_TOKEN (ID VARCHAR(36) PRIMARY KEY, USER_ID VARCHAR(256) NOT NULL, TYPE VARCHAR(32) NOT NULL,"
                + " STATUS VARCHAR(16) NOT NULL, SEALED_SEED VARCHAR(512), ALGORITHM VARCHAR(8), DIGITS INTEGER NOT NULL,"
                + " CODE_LENGTH INTEGER NOT NULL, PERIOD_SECONDS INTEGER NOT NULL, LAST_ACCEPTED BIGINT NOT NULL, CODE_HASH VARCHAR(128),"
                + " CODE_BINDING VARCHAR(256), CODE_EXPIRES_AT TIMESTAMP, USES_LEFT INTEGER NOT NULL, FAIL_COUNT INTEGER NOT NULL,"
                + " LOCKED_AT TIMESTAMP, CREATED_AT TIMESTAMP NOT NULL, LAST_USED_AT TIMESTAMP, VERSION BIGINT)");
        s.execute("CREATE INDEX CS_TOKEN_USER ON CS_TOKEN (USER_ID)");
        s.execute("CREATE TABLE CS_TOKEN_STATE (ID VARCHAR(36) PRIMARY KEY, LAST_ACCEPTED BIGINT NOT NULL, CODE_HASH VARCHAR(128),"
                + " CODE_BINDING VARCHAR(256), CODE_EXPIRES_AT TIMESTAMP, USES_LEFT INTEGER NOT NULL, FAIL_COUNT INTEGER NOT NULL,"
                + " LAST_USED_AT TIMESTAMP, VERSION BIGINT)");
        for (int i = 0; i < tokens; i++) {
            s.execute("INSERT INTO CS_TOKEN VALUES ('t" + i + "', 'corp:u" + i + "', 'totp', 'ACTIVE', 'sealed', 'SHA1', 6, 6, 30, " + (1000 + i)
                    + ", " + (i % 2 == 0 ? "'hash" + i + "'" : "NULL") + ", NULL, NULL, 0, " + (i % 4) + ", NULL, TIMESTAMP '2026-11-01 08:00:00', "
                    + (i % 3 == 0 ? "NULL" : "TIMESTAMP '2026-11-20 09:00:0" + (i % 10) + "'") + ", " + (i == 0 ? "NULL" : String.valueOf(i + 1)) + ")");
        }
    }

    /** Each token's moved state as one line: id, last accepted, code hash, fail count, last used, version. */
    private static List<String> state(Statement s, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT ID, LAST_ACCEPTED, CODE_HASH, FAIL_COUNT, LAST_USED_AT, VERSION FROM " + table + " ORDER BY ID")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getInt(4) + " " + rs.getTimestamp(5) + " "
                        + (rs.getObject(6) == null ? 1 : rs.getLong(6)));
            }
        }
        return rows;
    }

    private static int columns(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '" + table + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Every token's state is in CS_TOKEN_STATE as it was in CS_TOKEN, and CS_TOKEN has lost the moved columns. */
    private static void assertMoved(Statement s, List<String> before) throws Exception {
        assertEquals(before, state(s, "CS_TOKEN_STATE"));
        assertEquals(19 - TokenStateTable.MOVED.size(), columns(s, "CS_TOKEN"));
    }

    @Test
    void movesEveryTokensStateKeepsTheValuesDropsTheOldColumnsAndIsRepeatable() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:token-state-all;MODE=LEGACY", "sa", "");
             Statement s = c.createStatement()) {
            oldTables(s, 25);
            List<String> before = state(s, "CS_TOKEN");
            TokenStateTable.migrate(c);
            assertMoved(s, before);
            TokenStateTable.migrate(c); // nothing left to do
            assertMoved(s, before);
            // a new token is two rows, and the description no longer asks for the moved columns
            s.execute("INSERT INTO CS_TOKEN_STATE (ID, LAST_ACCEPTED, USES_LEFT, FAIL_COUNT, VERSION) VALUES ('new', -1, 0, 0, 1)");
            s.execute("INSERT INTO CS_TOKEN (ID, USER_ID, TYPE, STATUS, DIGITS, CODE_LENGTH, PERIOD_SECONDS, CREATED_AT)"
                    + " VALUES ('new', 'corp:new', 'totp', 'PENDING', 6, 6, 30, CURRENT_TIMESTAMP)");
            assertEquals(26, state(s, "CS_TOKEN_STATE").size());
            // and a description without its state row is refused, as on a database created by this build
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO CS_TOKEN (ID, USER_ID, TYPE, STATUS, DIGITS, CODE_LENGTH,"
                    + " PERIOD_SECONDS, CREATED_AT) VALUES ('orphan', 'corp:x', 'totp', 'PENDING', 6, 6, 30, CURRENT_TIMESTAMP)"));
        }
    }

    @Test
    void aStartStoppedAfterTheCopyFinishesTheDropsAndCopiesNothingTwice() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:token-state-half;MODE=LEGACY", "sa", "");
             Statement s = c.createStatement()) {
            oldTables(s, 10);
            List<String> before = state(s, "CS_TOKEN");
            // as a start stopped after the copy and the first two drops
            s.execute("INSERT INTO CS_TOKEN_STATE SELECT ID, LAST_ACCEPTED, CODE_HASH, CODE_BINDING, CODE_EXPIRES_AT, USES_LEFT, FAIL_COUNT,"
                    + " LAST_USED_AT, COALESCE(VERSION, 1) FROM CS_TOKEN");
            s.execute("ALTER TABLE CS_TOKEN DROP COLUMN LAST_ACCEPTED");
            s.execute("ALTER TABLE CS_TOKEN DROP COLUMN CODE_HASH");
            TokenStateTable.migrate(c);
            assertMoved(s, before);
        }
    }

    @Test
    void aDatabaseMadeByThisBuildIsLeftAlone() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:token-state-new;MODE=LEGACY", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE CS_TOKEN (ID VARCHAR(36) PRIMARY KEY, USER_ID VARCHAR(256) NOT NULL)");
            s.execute("CREATE TABLE CS_TOKEN_STATE (ID VARCHAR(36) PRIMARY KEY, LAST_ACCEPTED BIGINT NOT NULL, VERSION BIGINT)");
            s.execute("INSERT INTO CS_TOKEN_STATE VALUES ('a', 5, 2)");
            TokenStateTable.migrate(c);
            assertEquals(2, columns(s, "CS_TOKEN"));
            assertEquals(3, columns(s, "CS_TOKEN_STATE"));
        }
    }
}
