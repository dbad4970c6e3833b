package org.countersign.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A local transaction on H2: committed with a result, rolled back without one or on a failure, auto-commit restored. */
class LocalTransactionTest {

    @Test
    void aResultCommitsNoneOrAFailureRollsBackAndAutoCommitIsBackEitherWay() throws SQLException {
        String url = "jdbc:h2:mem:local-transaction;DB_CLOSE_DELAY=-1";
        try (Connection mine = DriverManager.getConnection(url, "sa", ""); Connection other = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = mine.createStatement()) {
                s.execute("CREATE TABLE T (NAME VARCHAR(16) PRIMARY KEY)");
            }
            assertEquals("kept", LocalTransaction.run(mine, c -> insert(c, "kept")));
            assertTrue(mine.getAutoCommit());
            assertNull(LocalTransaction.run(mine, c -> {
                insert(c, "no result");
                return null;
            }));
            assertTrue(mine.getAutoCommit());
            IllegalStateException thrown = new IllegalStateException("refused");
            assertSame(thrown, assertThrows(IllegalStateException.class, () -> LocalTransaction.run(mine, c -> {
                insert(c, "failed");
                throw thrown;
            })));
            assertTrue(mine.getAutoCommit());
            assertThrows(SQLException.class, () -> LocalTransaction.run(mine, c -> {
                insert(c, "duplicate");
                return insert(c, "kept"); // the key exists
            }));
            try (Statement s = other.createStatement(); ResultSet rows = s.executeQuery("SELECT LISTAGG(NAME, ',') FROM T")) {
                rows.next();
                assertEquals("kept", rows.getString(1));
            }
        }
    }

    private static String insert(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO T VALUES ('" + name + "')");
        }
        return name;
    }
}
