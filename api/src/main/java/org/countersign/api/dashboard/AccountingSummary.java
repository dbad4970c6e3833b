package org.countersign.api.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * RADIUS accounting since an instant: the Accounting-Requests received, by Acct-Status-Type, and the latest of them.
 *
 * @param since the first instant counted
 * @param starts sessions started (Start)
 * @param interimUpdates sessions reported while they last (Interim-Update)
 * @param stops sessions ended (Stop)
 * @param others any other status type (Accounting-On, Accounting-Off) or none
 * @param latest the latest records, of any time, newest first
 */
public record AccountingSummary(Instant since, long starts, long interimUpdates, long stops, long others, List<AccountingEntry> latest) {

    public AccountingSummary {
        latest = List.copyOf(latest);
    }

    /** @return every record counted */
    public long records() {
        return starts + interimUpdates + stops + others;
    }
}
