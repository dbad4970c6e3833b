package org.countersign.audit;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.countersign.api.audit.AuditRecord;

/**
 * Writes audit records by group commit. Each caller's record is in the database when {@link #write} returns, as with
 * a transaction per record, but callers arriving together share one transaction: whoever holds the writer's lock
 * writes every record queued so far, and the callers queued behind it find their record written when their turn
 * comes. Under a burst of RADIUS requests that is one commit for many records instead of one each. Thread-safe;
 * uses the callers' threads, none of its own.
 */
@ApplicationScoped
public class AuditWriter {

    /** Records per transaction at most. */
    static final int BATCH = 200;

    private static final class Pending {
        final AuditEvent event;
        volatile boolean written;
        volatile RuntimeException failure;

        Pending(AuditEvent event) {
            this.event = event;
        }
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    @EJB
    private AuditRows rows;

    /**
     * Writes one record, in a transaction of its own (shared with other records being written at the same moment, never
     * with the caller's): it stays written when the caller's transaction rolls back.
     *
     * @throws RuntimeException what the database threw, when the record could not be written
     */
    public void write(AuditRecord record) {
        Pending mine = new Pending(new AuditEvent(record)); // a record the row refuses fails here, for this caller only
        queue.add(mine);
        writing.lock();
        try {
            while (!mine.written && mine.failure == null) {
                writeQueued();
            }
        } finally {
            writing.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
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
            batch.forEach(p -> p.written = true);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).failure = e;
                return;
            }
            // one bad record must not cost the others theirs: each again, alone
            for (Pending p : batch) {
                try {
                    rows.insert(List.of(p.event));
                    p.written = true;
                } catch (RuntimeException alone) {
                    p.failure = alone;
                }
            }
        }
    }
}
