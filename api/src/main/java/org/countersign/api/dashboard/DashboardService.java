package org.countersign.api.dashboard;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import org.countersign.api.audit.AuditRecord;

/** Figures for the console's dashboard, counted by the database. Container-managed and thread-safe. */
@Local
public interface DashboardService {

    /** @return users with active and locked tokens, built-in users, tokens by type and status */
    TokenSummary tokens();

    /**
     * @param since the first instant counted, such as the start of today in the administrator's time zone
     * @return authentications since then: accepted, rejected, challenged, rejections by reason
     */
    AuthenticationSummary authenticationsSince(Instant since);

    /**
     * @param now the present; the last bucket is the hour holding it
     * @param hours how many clock hours, 1 to 168, oldest first
     * @return accepted and rejected authentications per clock hour, one entry per hour even where there were none
     */
    List<HourCount> authenticationsPerHour(Instant now, int hours);

    /**
     * @param max at most this many, 1 to 100
     * @return the latest authentications, newest first
     */
    List<AuditRecord> latestAuthentications(int max);

    /**
     * @param since the first instant counted, such as an hour ago (the count reads every record since)
     * @param max at most this many latest records, 1 to 100
     * @return the RADIUS Accounting-Requests received since then by status type, and the latest of any time
     */
    AccountingSummary accountingSince(Instant since, int max);
}
