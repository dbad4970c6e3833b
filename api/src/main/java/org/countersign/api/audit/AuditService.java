package org.countersign.api.audit;

import jakarta.ejb.Local;
import java.io.IOException;
import java.io.Writer;
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

    /**
     * One page of the records a query matches, newest first.
     *
     * @param first how many matching records to skip, 0 or more
     * @param max at most this many, 1 to 1000
     */
    List<AuditRecord> search(AuditQuery query, int first, int max);

    /** @return how many records the query matches */
    long count(AuditQuery query);

    /**
     * Writes the records a query matches as CSV (RFC 4180: header line, CRLF line ends, fields quoted where needed),
     * newest first, read from the database in chunks so an export of any size holds little memory. A cell that a
     * spreadsheet would take for a formula (starting with {@code = + - @}, tab or carriage return) is prefixed
     * with {@code '}. Times are ISO-8601 UTC.
     *
     * @param limit at most this many records, 1 to 1,000,000
     * @return how many records were written
     * @throws IOException if the writer fails; what was written so far stays written
     */
    long exportCsv(AuditQuery query, Writer out, int limit) throws IOException;
}
