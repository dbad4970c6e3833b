package org.countersign.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Authentication counts of clock hours (UTC) that are over, kept so that the dashboard counts each past hour once, not
 * at every refresh: over 2,000,000 audit records a day's count read some 290,000 index entries, 1.0-1.3 s, each time.
 * <p>
 * An hour is settled a minute after it ends ({@link #SETTLED_AFTER}): records are written with the time they were
 * decided, and reach the table milliseconds later. A record written later for a settled hour (one written with an
 * earlier time) makes {@link AuditWriter} forget that hour's count, and a count is made again after an hour anyway
 * ({@link #KEEP}), for records that reach the table by other ways (another server on the same database, an import).
 * Thread-safe.
 */
@ApplicationScoped
public class HourTallies {

    /** How long after its end an hour's count is taken as final. */
    static final Duration SETTLED_AFTER = Duration.ofMinutes(1);
    /** How long a count is used before it is made again. */
    static final Duration KEEP = Duration.ofHours(1);
    /** Hours kept at most (a week of the 168-hour chart, and more); the oldest are dropped first. */
    static final int MAX_HOURS = 24 * 31;

    private record Kept(Tally tally, Instant madeAt) {
    }

    private final Map<Instant, Kept> hours = new ConcurrentHashMap<>();
    /** Moves on at every {@link #forget}: a count made across a forget is not kept. */
    private final AtomicLong forgets = new AtomicLong();

    /** @return the start of the first hour that is not settled at {@code now}; every hour before it is */
    public static Instant settledUntil(Instant now) {
        return now.minus(SETTLED_AFTER).truncatedTo(ChronoUnit.HOURS);
    }

    /**
     * The count of a settled hour: the one kept, or {@code count}'s, kept from now on.
     *
     * @param hour  the hour's start, on the hour, before {@link #settledUntil(Instant) settledUntil(now)}
     * @param count counts the authentications of the hour starting at its argument
     */
    public Tally of(Instant hour, Instant now, Function<Instant, Tally> count) {
        if (!hour.equals(hour.truncatedTo(ChronoUnit.HOURS)) || !hour.isBefore(settledUntil(now))) {
            throw new IllegalArgumentException("not a settled hour at " + now + ": " + hour);
        }
        Kept kept = hours.get(hour);
        if (kept != null && now.isBefore(kept.madeAt().plus(KEEP)) && !now.isBefore(kept.madeAt())) {
            return kept.tally();
        }
        long before = forgets.get();
        Tally made = count.apply(hour);
        if (forgets.get() == before) {
            hours.put(hour, new Kept(made, now));
            if (hours.size() > MAX_HOURS) {
                hours.keySet().stream().min(Instant::compareTo).ifPresent(hours::remove);
            }
        }
        return made;
    }

    /** A record of this time was written: the count of its hour is made again when next asked for. */
    public void forget(Instant at) {
        forgets.incrementAndGet();
        hours.remove(at.truncatedTo(ChronoUnit.HOURS));
    }

    /** Whether a record of this time, written now, falls in a settled hour. */
    static boolean settled(Instant at, Instant now) {
        return at.isBefore(settledUntil(now));
    }
}
