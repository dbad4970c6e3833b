package org.countersign.api.audit;

import jakarta.ejb.Local;
import java.util.List;

/** Writes and reads the audit trail. Thread-safe; a record is kept even when the caller's transaction rolls back. */
@Local
public interface AuditService {

    /** Stores one record in a transaction of its own. */
    void record(AuditRecord record);

    /**
     * @param userId the user, or {@code null} for all users
     * @param max at most this many, 1 to 1000
     * @return the newest records first
     */
    List<AuditRecord> latest(String userId, int max);
}
