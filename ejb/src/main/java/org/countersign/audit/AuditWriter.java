package org.countersign.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.countersign.api.audit.AuditRecord;

/**
 * Writes audit records by group commit. Each caller's record is in the database when {@link #write} returns, as with
 * a transaction per record, but callers arriving together share one transaction: whoever gets the writer's lock
 * writes every record queued so far, and wakes each of their callers once their record is written. Under a burst of
 * RADIUS requests that is one commit for many records instead of one each. Thread-safe; uses the callers' threads,
 * none of its own.
 * <p>
 * The callers behind the writer wait parked, not in the lock's queue: a lock would wake them one after another, each
 * only to take the lock, find its record written and wake the next, while new callers could take the lock ahead of a
 * woken one and send it back to sleep. Here each waiting caller is woken once, by whoever wrote its record, or, when
 * its record was queued after the writer had taken the last batch, to write the next batch itself.
 */
@ApplicationScoped
public class AuditWriter {

    /** Records per transaction at most. */
    static final int BATCH = 200;

    private static final class Pending {
        final AuditEvent event;
        final Thread caller;
        /** Set after {@link #failure}, so a caller that sees it also sees the failure. */
        volatile boolean done;
        RuntimeException failure;

        Pending(AuditEvent event) {
            this.event = event;
            this.caller = Thread.currentThread();
        }
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    @Inject
    private AuditRows rows;

    /** Told of a record written for an hour already counted; absent outside the container. */
    @Inject
    private HourTallies tallies;

    public AuditWriter() {
    }

    /** A writer on the given rows, outside the container. */
    AuditWriter(AuditRows rows) {
        this.rows = rows;
    }

    /** A writer on the given rows that tells these tallies of records of settled hours, outside the container. */
    AuditWriter(AuditRows rows, HourTallies tallies) {
        this.rows = rows;
        this.tallies = tallies;
    }

    /**
     * Writes one record, in a transaction of its own (shared with other records being written at the same moment, never
     * with the caller's): it stays written when the caller's transaction rolls back.
     *
     * @throws RuntimeException what the database threw, when the record could not be written
     */
    public void write(AuditRecord record) {
        Pending mine = new Pending(new AuditEvent(record)); // a record the row refuses fails here, for this caller only
        queue.add(mine);
        boolean interrupted = false;
        while (!mine.done) {
            if (writing.tryLock()) {
                try {
                    while (!mine.done) {
                        writeQueued();
                    }
                } finally {
                    writing.unlock();
                    // A record queued while the lock was held, whose caller found it taken and is parked: that caller
                    // writes next. (It queued before its try failed, so before this unlock: this look sees it.)
                    Pending next = queue.peek();
                    if (next != null) {
                        LockSupport.unpark(next.caller);
                    }
                }
            } else {
                LockSupport.park(this);
                // an interrupt must not turn the wait into a spin; it is kept for the caller
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        forgetIfSettled(record.at());
    }

    /** After the commit of a record made at {@code at}: a count made from now on sees it, and one under way is not kept. */
    private void forgetIfSettled(Instant at) {
        if (tallies != null && HourTallies.settled(at, Instant.now())) {
            tallies.forget(at);
        }
    }

    /**
     * Makes room for one record in a transaction of the caller's own: a local one on {@code connection}, auto-commit off
     * and nothing written on it yet. Its id is reserved now, because reserving a new block of ids commits on the
     * connection. The caller then writes its rows and the record ({@link Joined#insert}), commits, and says so
     * ({@link Joined#committed}). On a rollback the record goes with the caller's rows, and its id is never used.
     * <p>
     * For a record that must be written exactly when the caller's rows are, such as a RADIUS acceptance and the
     * token state it moves on: one connection and one commit for both, where {@link #write} takes a connection and a
     * commit of its own (shared with other callers'), and its caller parks until the writer wakes it.
     *
     * @throws IllegalStateException when no id could be reserved
     */
    public Joined joining(Connection connection) {
        try {
            return new Joined(connection, rows.ids(connection, 1)[0]);
        } catch (SQLException e) {
            throw new IllegalStateException("audit record not written: no id could be reserved: " + e.getMessage(), e);
        }
    }

    /** One record's place in a caller's transaction; see {@link #joining}. Used by one thread. */
    public final class Joined {

        private final Connection connection;
        private final long id;
        private AuditRecord written;

        private Joined(Connection connection, long id) {
            this.connection = connection;
            this.id = id;
        }

        /**
         * Inserts the record in the caller's transaction, not committed yet. At most one record.
         *
         * @throws IllegalStateException when the database refuses it: the caller rolls back
         */
        public void insert(AuditRecord record) {
            if (written != null) {
                throw new IllegalStateException("one audit record per joined transaction");
            }
            try {
                AuditRows.insertOne(connection, id, new AuditEvent(record));
            } catch (SQLException e) {
                throw new IllegalStateException("audit record not written: " + e.getMessage(), e);
            }
            written = record;
        }

        /** To be called after the caller's commit, as {@link #write} does after its own. */
        public void committed() {
            if (written != null) {
                forgetIfSettled(written.at());
            }
        }
    }

    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            rows.insert(batch.stream().map(p -> p.event).toList());
            batch.forEach(AuditWriter::finish);
        } catch (RuntimeException e) {
            writeAlone(batch, e);
        } finally {
            // never a caller left parked: an Error on the way fails the records not yet settled
            for (Pending p : batch) {
                if (!p.done) {
                    p.failure = new IllegalStateException("audit record not written: the writer failed");
                    finish(p);
                }
            }
        }
    }

    /** The batch failed: one bad record must not cost the others theirs, so each again, alone. */
    private void writeAlone(List<Pending> batch, RuntimeException e) {
        if (batch.size() == 1) {
            batch.get(0).failure = e;
            finish(batch.get(0));
            return;
        }
        for (Pending p : batch) {
            try {
                rows.insert(List.of(p.event));
            } catch (RuntimeException alone) {
                p.failure = alone;
            }
            finish(p);
        }
    }

    private static void finish(Pending p) {
        p.done = true;
        if (p.caller != Thread.currentThread()) {
            LockSupport.unpark(p.caller);
        }
    }
}
