package org.countersign.radius.ra;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Counts datagrams dropped, by reason, and logs each reason at most once per interval with the
 * count since the last line, so a flood cannot flood the log. Thread-safe.
 */
final class DropCounters {

    private static final Logger LOG = Logger.getLogger(DropCounters.class.getName());
    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final Map<String, LongAdder> totals = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastLogged = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> sinceLog = new ConcurrentHashMap<>();

    void drop(String reason, InetSocketAddress source) {
        totals.computeIfAbsent(reason, r -> new LongAdder()).increment();
        LongAdder pending = sinceLog.computeIfAbsent(reason, r -> new LongAdder());
        pending.increment();
        AtomicLong last = lastLogged.computeIfAbsent(reason, r -> new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS));
        long then = last.get();
        long now = System.nanoTime();
        if (now - then >= LOG_INTERVAL_NANOS && last.compareAndSet(then, now)) {
            long count = pending.sumThenReset();
            LOG.warning("RADIUS datagram dropped: " + reason + " (last from " + source.getAddress().getHostAddress()
                    + ":" + source.getPort() + "; " + count + " dropped for this reason since the last such line)");
        }
    }

    /** @return the number dropped for this reason since start */
    long total(String reason) {
        LongAdder total = totals.get(reason);
        return total == null ? 0 : total.sum();
    }

    /** @return every reason with its count since start */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        totals.forEach((reason, count) -> copy.put(reason, count.sum()));
        return copy;
    }
}
