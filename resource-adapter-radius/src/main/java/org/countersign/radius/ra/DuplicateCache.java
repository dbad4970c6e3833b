package org.countersign.radius.ra;

import java.net.InetSocketAddress;
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

    private static final Outcome NEW = new Outcome(Verdict.NEW, null);
    private static final Outcome DROP = new Outcome(Verdict.DROP, null);
    private static final Outcome FULL = new Outcome(Verdict.FULL, null);

    /**
     * Source address and port, Identifier and Request Authenticator, held in primitives: an entry lives for the whole
     * lifetime (seconds, thousands a second under load), so it is kept to few objects and octets (the collector copies
     * every one still alive at each young collection).
     *
     * @param addressHigh the first 8 octets of an IPv6 address; for IPv4, 0
     * @param addressLow the last 8 octets of an IPv6 address, or the IPv4 address
     * @param portAndIdentifier the source port, above it the Identifier, above that 1 for IPv6
     */
    private record Key(long addressHigh, long addressLow, int portAndIdentifier, long authenticatorHigh, long authenticatorLow) {
    }

    private static final class Entry {
        /** {@link #fingerprint} of the request's octets: a copy with other octets is not a retransmission. */
        final long request;
        final long createdNanos;
        volatile byte[] reply;
        volatile long sendableAtNanos;

        Entry(long request, long now) {
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
        byte[] address = source.getAddress().getAddress();
        int portAndIdentifier = (datagram[1] & 0xff) << 16 | source.getPort();
        if (address.length == 16) {
            return new Key(octets(address, 0, 8), octets(address, 8, 8), 1 << 24 | portAndIdentifier, octets(datagram, 4, 8), octets(datagram, 12, 8));
        }
        return new Key(0, octets(address, 0, 4), portAndIdentifier, octets(datagram, 4, 8), octets(datagram, 12, 8));
    }

    private static long octets(byte[] bytes, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            value = value << 8 | (bytes[i] & 0xffL);
        }
        return value;
    }

    /**
     * A 64-bit FNV-1a hash of the whole datagram. A copy that hashes alike but differs (same source, Identifier and
     * Request Authenticator, so forged or corrupted) would get the original's answer again, which is bound to the
     * original's authenticator and no more than what was already sent to that address.
     */
    static long fingerprint(byte[] datagram) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : datagram) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    /** Classifies a datagram; for NEW the caller now owns the entry. */
    Outcome begin(Object key, byte[] datagram, long now) {
        Key k = (Key) key;
        Entry fresh = new Entry(fingerprint(datagram), now);
        Entry existing = entries.putIfAbsent(k, fresh);
        if (existing == null) {
            if (entries.size() > maxEntries) {
                sweep(now);
                if (entries.size() > maxEntries) {
                    entries.remove(k, fresh);
                    return FULL;
                }
            }
            return NEW;
        }
        byte[] reply = existing.reply;
        if (expired(existing, now)) {
            entries.replace(k, existing, fresh);
            return entries.get(k) == fresh ? NEW : DROP;
        }
        if (existing.request != fresh.request || reply == null || now < existing.sendableAtNanos) {
            return DROP;
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
