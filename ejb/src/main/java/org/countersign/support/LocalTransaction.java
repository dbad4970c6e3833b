package org.countersign.support;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work on a JDBC connection in a local transaction of its own, outside JTA: committed when the work gives a result,
 * rolled back when it gives none or throws, and the connection handed back to auto-commit either way (the pool
 * expects it).
 */
public final class LocalTransaction {

    /** What runs in the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /** @return the result, committed; {@code null} to roll back */
        T run(Connection connection) throws SQLException;
    }

    private LocalTransaction() {
    }

    /**
     * @return the work's result once committed, or {@code null} when it gave none and was rolled back
     * @throws SQLException what the work or the commit threw, after the rollback
     */
    public static <T> T run(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            if (result != null) {
                connection.commit();
            } else {
                connection.rollback();
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
