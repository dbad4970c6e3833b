package org.countersign.radius.ra;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Duplicate detection (RFC 5080 section 2.2.2): a request is identified by its source address and
 * port, Identifier and Request Authenticator. While the first copy is being decided, copies are
 * dropped; once answered, copies get the same answer again for {@code lifetimeNanos}, so a
 * retransmission never causes a second bind, fail count, SMS or push. A copy whose bytes differ from
 * the original is dropped. Bounded: when full, new requests are refused. Thread-safe.
 */
final class DuplicateCache {

    /** What to do with a datagram. */
    enum Verdict {
        /** First copy: decide it, then call {@link #complete} or {@link #abandon}. */
        NEW,
        /** A copy of a request still being decided, or whose answer is still held back: drop it. */
        DROP,
        /** A copy of an answered request: send {@link Outcome#reply()} again. */
        RESEND,
        /** The cache is full: drop and count as overload. */
        FULL
    }

    /**
     * @param verdict what to do
     * @param reply the answer to send again, for RESEND
     */
    record Outcome(Verdict verdict, byte[] reply) {
    }

    private record Key(InetSocketAddress source, int identifier, int authenticatorHash, byte[] authenticator) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && identifier == k.identifier && source.equals(k.source) && Arrays.equals(authenticator, k.authenticator);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * source.hashCode() + identifier) + authenticatorHash;
        }
    }

    private static final class Entry {
        final byte[] request;
        final long createdNanos;
        volatile byte[] reply;
        volatile long sendableAtNanos;

        Entry(byte[] request, long now) {
            this.request = request;
            this.createdNanos = now;
        }
    }

    private static final long IN_PROGRESS_LIMIT_NANOS = 60_000_000_000L;

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final long lifetimeNanos;
    private final int maxEntries;

    DuplicateCache(long lifetimeNanos, int maxEntries) {
        this.lifetimeNanos = lifetimeNanos;
        this.maxEntries = maxEntries;
    }

    /** The identity of a request datagram (at least 20 octets). */
    static Object keyOf(InetSocketAddress source, byte[] datagram) {
        byte[] authenticator = Arrays.copyOfRange(datagram, 4, 20);
        return new Key(source, datagram[1] & 0xff, Arrays.hashCode(authenticator), authenticator);
    }

    /** Classifies a datagram; for NEW the caller now owns the entry. */
    Outcome begin(Object key, byte[] datagram, long now) {
        Key k = (Key) key;
        Entry fresh = new Entry(datagram, now);
        Entry existing = entries.putIfAbsent(k, fresh);
        if (existing == null) {
            if (entries.size() > maxEntries) {
                sweep(now);
                if (entries.size() > maxEntries) {
                    entries.remove(k, fresh);
                    return new Outcome(Verdict.FULL, null);
                }
            }
            return new Outcome(Verdict.NEW, null);
        }
        byte[] reply = existing.reply;
        if (expired(existing, now)) {
            entries.replace(k, existing, fresh);
            return entries.get(k) == fresh ? new Outcome(Verdict.NEW, null) : new Outcome(Verdict.DROP, null);
        }
        if (!Arrays.equals(existing.request, datagram) || reply == null || now < existing.sendableAtNanos) {
            return new Outcome(Verdict.DROP, null);
        }
        return new Outcome(Verdict.RESEND, reply);
    }

    /** Records the answer; copies arriving before {@code sendableAt} are dropped, later ones get it again. */
    void complete(Object key, byte[] reply, long sendableAt) {
        Entry entry = entries.get((Key) key);
        if (entry != null) {
            entry.sendableAtNanos = sendableAt;
            entry.reply = reply;
        }
    }

    /** Forgets a request that was dropped or failed, so a retransmission is decided afresh. */
    void abandon(Object key) {
        entries.remove((Key) key);
    }

    /** Removes answered entries older than their lifetime and in-progress ones that were never completed. */
    void sweep(long now) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (expired(it.next(), now)) {
                it.remove();
            }
        }
    }

    int size() {
        return entries.size();
    }

    private boolean expired(Entry entry, long now) {
        if (entry.reply == null) {
            return now - entry.createdNanos > IN_PROGRESS_LIMIT_NANOS;
        }
        return now - entry.sendableAtNanos > lifetimeNanos;
    }
}
