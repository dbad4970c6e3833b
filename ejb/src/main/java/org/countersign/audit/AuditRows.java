package org.countersign.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;
import org.countersign.api.audit.AuditRecord;
import org.countersign.jpa.InstantColumn;
import org.countersign.support.LocalTransaction;

/**
 * Inserts audit events for {@link AuditWriter}: one JDBC batch in one local transaction of its own, outside any JTA
 * transaction; a caller's is suspended meanwhile, by hand. (As an EJB with {@code NOT_SUPPORTED} it cost every RADIUS
 * request a container invocation of about fifteen interceptors: 2% of the server's CPU in a closed benchmark run.) An
 * append-only log needs none of JPA's change tracking, and under a burst of RADIUS requests the per-entity work of a
 * persist cost more than the insert itself. The rows are the {@link AuditEvent} entity's, read back through JPA: ids
 * come from the same CS_SEQUENCE row as its table generator, in blocks reserved the same way (the value after the
 * update is the last id of the block), and AT is written as its converter writes it
 * ({@link org.countersign.jpa.InstantColumn}). Batches come from one thread at a time (the writer's lock); single
 * records joined to a caller's own transaction ({@link AuditWriter#joining}) come from any thread, and the id block
 * is guarded for them.
 */
@ApplicationScoped
public class AuditRows {

    static final String SEQUENCE = "AUDIT_EVENT";
    /** Ids reserved per round trip to CS_SEQUENCE; the entity's generator reserves 100. */
    static final int ID_BLOCK = 100;
    /**
     * Up to this many records are inserted one statement each, more as one JDBC batch. H2's {@code executeBatch} makes
     * an SQLException on every call (the head of its error chain), and filling in its stack trace on a container
     * thread's deep stack cost about 3% of a RADIUS request's CPU, where group commit mostly writes one or two records.
     */
    static final int ROW_BY_ROW = 4;
    private static final String INSERT = "INSERT INTO CS_AUDIT_EVENT (ID, AT, CATEGORY, OUTCOME, REASON, ACTOR, USER_ID, TOKEN_ID, CHANNEL, "
            + "CLIENT, ADDRESS, DETAIL, LOGIN, OTHER_ACTOR) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "java:jboss/datasources/CountersignDS")
    private DataSource dataSource;

    /** Suspends the caller's transaction, if any, so the rows' connection is not enlisted in it; absent outside the container. */
    @Resource(lookup = "java:/TransactionManager")
    private TransactionManager transactions;

    private long nextId;
    private long lastId = -1;

    public AuditRows() {
    }

    /** Rows of the given database, outside the container. */
    AuditRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Rows of the given database that suspend the caller's transaction of the given manager, outside the container. */
    AuditRows(DataSource dataSource, TransactionManager transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** Writes every event or none, in a transaction of its own whether or not the calling thread has one. */
    public void insert(List<AuditEvent> events) {
        Transaction callers = suspended();
        RuntimeException failure = null;
        try {
            insertAlone(events);
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            resume(callers);
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e); // the insert's failure is the one the writer reports for the records
        }
        if (failure != null) {
            throw failure;
        }
    }

    private Transaction suspended() {
        try {
            return transactions == null || transactions.getTransaction() == null ? null : transactions.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("audit records not written: the caller's transaction could not be suspended", e);
        }
    }

    private void resume(Transaction callers) {
        if (callers != null) {
            try {
                transactions.resume(callers);
            } catch (InvalidTransactionException | SystemException e) {
                throw new IllegalStateException("the caller's transaction could not be resumed after an audit write", e);
            }
        }
    }

    private void insertAlone(List<AuditEvent> events) {
        try (Connection connection = dataSource.getConnection()) {
            LocalTransaction.run(connection, c -> {
                long[] ids = ids(c, events.size());
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    boolean batch = events.size() > ROW_BY_ROW;
                    for (int i = 0; i < events.size(); i++) {
                        bind(insert, ids[i], events.get(i));
                        if (batch) {
                            insert.addBatch();
                        } else {
                            insert.executeUpdate();
                        }
                    }
                    if (batch) {
                        insert.executeBatch();
                    }
                }
                return ids;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("audit records not written: " + e.getMessage(), e);
        }
    }

    /** Inserts one record on the caller's connection, in the caller's transaction: committed or rolled back with it. */
    static void insertOne(Connection connection, long id, AuditEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, id, event);
            insert.executeUpdate();
        }
    }

    /**
     * Ids for {@code count} records: from the block reserved, else from a new one, reserved by a transaction committed
     * on {@code connection} (auto-commit off, nothing of the caller's written on it yet).
     */
    synchronized long[] ids(Connection connection, int count) throws SQLException {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            if (nextId > lastId) {
                reserve(connection);
            }
            ids[i] = nextId++;
        }
        return ids;
    }

    /**
     * Reserves the next block in a transaction of its own, committed at once, so two servers never share an id. Called
     * before any record of the batch is inserted, so a rollback here takes back nothing else.
     */
    private void reserve(Connection connection) throws SQLException {
        long last;
        for (int attempt = 1; !advance(connection); attempt++) {
            // the row was created meanwhile by someone else (on a new database, EclipseLink's table generator as it
            // starts, or another server): taken back, and the row now there is advanced
            connection.rollback();
            if (attempt == 3) {
                throw new SQLException("the audit id sequence row " + SEQUENCE + " could be neither advanced nor created");
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT SEQ_VALUE FROM CS_SEQUENCE WHERE SEQ_NAME = ?")) {
            select.setString(1, SEQUENCE);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                last = row.getLong(1);
            }
        }
        connection.commit();
        lastId = last;
        nextId = last - ID_BLOCK + 1;
    }

    /** @return whether the block was counted: false when the sequence's row was missing and someone else created it first */
    private static boolean advance(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE CS_SEQUENCE SET SEQ_VALUE = SEQ_VALUE + ? WHERE SEQ_NAME = ?")) {
            update.setLong(1, ID_BLOCK);
            update.setString(2, SEQUENCE);
            if (update.executeUpdate() > 0) {
                return true;
            }
        }
        try (PreparedStatement first = connection.prepareStatement("INSERT INTO CS_SEQUENCE (SEQ_NAME, SEQ_VALUE) VALUES (?, ?)")) {
            first.setString(1, SEQUENCE);
            first.setLong(2, ID_BLOCK);
            first.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) { // integrity constraint: the key exists now
                return false;
            }
            throw e;
        }
    }

    private static void bind(PreparedStatement insert, long id, AuditEvent event) throws SQLException {
        AuditRecord r = event.toRecord(); // the values as the entity holds them, cut to their columns
        insert.setLong(1, id);
        insert.setTimestamp(2, InstantColumn.of(r.at()));
        insert.setString(3, r.category());
        insert.setString(4, r.outcome());
        insert.setObject(5, r.reason(), Types.VARCHAR);
        insert.setObject(6, r.actor(), Types.VARCHAR);
        insert.setObject(7, r.userId(), Types.VARCHAR);
        insert.setObject(8, r.tokenId(), Types.VARCHAR);
        insert.setObject(9, r.channel(), Types.VARCHAR);
        insert.setObject(10, r.client(), Types.VARCHAR);
        insert.setObject(11, r.address(), Types.VARCHAR);
        insert.setObject(12, r.detail(), Types.VARCHAR);
        insert.setObject(13, event.login(), Types.VARCHAR);
        insert.setObject(14, event.otherActor(), Types.VARCHAR);
    }
}
