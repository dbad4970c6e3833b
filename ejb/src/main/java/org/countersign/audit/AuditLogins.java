package org.countersign.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Schema migration after start-up (beside the others of {@code org.countersign.schema}, here as it fills what
 * {@link AuditEvent} defines): fills the audit columns LOGIN and OTHER_ACTOR of records written before they
 * existed, as {@link AuditEvent} fills them for new records. It runs in the background, as it can take minutes over
 * millions of records (2,000,000 took 287 s here, with the new indexes to keep, before the pauses that leave the
 * requests at least half of what one core gives) and the server answers meanwhile: the audit search matches a record
 * whose LOGIN is still null by its user id and actor, as before, through CS_AUDIT_LOGIN's null entries, and only those
 * (every record written by this build has a LOGIN, empty where it has neither user nor actor). Rows are filled in
 * ranges of {@link #CHUNK} ids, each committed, progress logged; a stop or a failure leaves the rest to the next start,
 * which finds what is left through the same index without reading the table.
 */
@Singleton
@Startup
@DependsOn("IndexUpkeep") // the null entries of CS_AUDIT_LOGIN lead to what is left, for this and for the search
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditLogins {

    private static final Logger LOG = Logger.getLogger(AuditLogins.class.getName());
    static final int CHUNK = 5_000;
    static final String PENDING = "SELECT MIN(ID), MAX(ID), COUNT(*) FROM CS_AUDIT_EVENT WHERE LOGIN IS NULL";
    private static final String LOGIN = "COALESCE(CASE WHEN USER_ID IS NULL THEN ACTOR ELSE " + AuditEvent.LOGIN_OF_USER_ID + " END, '')";
    private static final String FILL = "UPDATE CS_AUDIT_EVENT SET LOGIN = " + LOGIN + ", OTHER_ACTOR = CASE WHEN ACTOR = " + LOGIN
            + " THEN NULL ELSE ACTOR END WHERE ID >= ? AND ID < ? AND LOGIN IS NULL";

    @Resource(lookup = "java:jboss/datasources/CountersignDS")
    private DataSource dataSource;

    @Resource
    private TimerService timers;

    private volatile boolean stopping;

    @PostConstruct
    void start() {
        timers.createSingleActionTimer(1, new TimerConfig("audit login columns", false));
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    @Timeout
    void fillInBackground() {
        try (Connection connection = dataSource.getConnection()) {
            fill(connection, () -> stopping);
        } catch (SQLException | RuntimeException e) {
            // the trail itself is whole, and the search still finds what is not filled, only slower
            LOG.log(Level.WARNING, "could not fill the login columns of older audit records; the next start goes on: " + e.getMessage(), e);
        }
    }

    /** Fills every record left; repeatable. @return how many were filled */
    static long fill(Connection connection) throws SQLException {
        return fill(connection, () -> false);
    }

    /** Rests as long as a range took after each one, so the fill takes at most about half of one core from the requests. */
    private static void pause(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return how many records were filled before {@code stop} said so or none was left */
    static long fill(Connection connection, BooleanSupplier stop) throws SQLException {
        long first;
        long last;
        try (PreparedStatement range = connection.prepareStatement(PENDING); ResultSet row = range.executeQuery()) {
            row.next();
            if (row.getLong(3) == 0) {
                return 0;
            }
            first = row.getLong(1);
            last = row.getLong(2);
            LOG.info("filling the login columns of " + row.getLong(3) + " audit records written before they existed, ids " + first + " to " + last);
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long filled = 0;
        long start = System.nanoTime();
        long logged = start;
        long from = first;
        try (PreparedStatement update = connection.prepareStatement(FILL)) {
            for (; from <= last && !stop.getAsBoolean() && !Thread.currentThread().isInterrupted(); from += CHUNK) {
                long chunkStart = System.nanoTime();
                update.setLong(1, from);
                update.setLong(2, from + CHUNK);
                filled += update.executeUpdate();
                connection.commit();
                pause(System.nanoTime() - chunkStart);
                if (System.nanoTime() - logged > 10_000_000_000L) {
                    logged = System.nanoTime();
                    LOG.info("audit login columns: " + filled + " records filled, up to id " + (from + CHUNK - 1) + " of " + last);
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        LOG.info("audit login columns: " + filled + " records filled in " + (System.nanoTime() - start) / 1_000_000 + " ms"
                + (from <= last ? ", stopped before id " + from + "; the next start goes on" : ""));
        return filled;
    }
}
