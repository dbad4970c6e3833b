package org.countersign.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Audit ids reserved in blocks from CS_SEQUENCE. */
class AuditRowsTest {

    @Test
    void aSequenceRowCreatedMeanwhileByAnotherTransactionIsAdvancedNotCreatedTwice() throws Exception {
        String url = "jdbc:h2:mem:audit-ids;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        try (Connection other = DriverManager.getConnection(url, "sa", ""); Connection mine = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = other.createStatement()) {
                s.execute("CREATE TABLE CS_SEQUENCE (SEQ_NAME VARCHAR(50) PRIMARY KEY, SEQ_VALUE BIGINT)");
            }
            // as EclipseLink's table generator on a new database, its transaction not yet committed (a deploy on
            // 1c12698 failed so: the first audit record's insert of this row hit a duplicate key)
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("INSERT INTO CS_SEQUENCE (SEQ_NAME, SEQ_VALUE) VALUES ('" + AuditRows.SEQUENCE + "', 0)");
            }
            Thread committer = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    other.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            committer.start();
            mine.setAutoCommit(false);
            long[] ids = new AuditRows().ids(mine, 3);
            committer.join();
            assertArrayEquals(new long[] {1, 2, 3}, ids);
            try (Statement s = mine.createStatement(); ResultSet row = s.executeQuery("SELECT COUNT(*), MAX(SEQ_VALUE) FROM CS_SEQUENCE")) {
                row.next();
                assertEquals(1, row.getInt(1));
                assertEquals(AuditRows.ID_BLOCK, row.getLong(2));
            }
        }
    }
}
