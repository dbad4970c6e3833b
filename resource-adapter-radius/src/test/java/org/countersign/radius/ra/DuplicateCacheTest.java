package org.countersign.radius.ra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetSocketAddress;
import org.countersign.radius.ra.DuplicateCache.Verdict;
import org.junit.jupiter.api.Test;

class DuplicateCacheTest {

    private static final long SECOND = 1_000_000_000L;
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);
    private final DuplicateCache cache = new DuplicateCache(5 * SECOND, 1000);

    private static byte[] request(int id, int authByte, int extra) {
        byte[] d = new byte[24];
        d[0] = 1;
        d[1] = (byte) id;
        d[3] = 24;
        d[4] = (byte) authByte;
        d[23] = (byte) extra;
        return d;
    }

    @Test
    void retransmissionWhileBeingDecidedIsDroppedThenAnsweredFromTheCache() {
        byte[] req = request(7, 1, 0);
        Object key = DuplicateCache.keyOf(CLIENT, req);
        assertEquals(Verdict.NEW, cache.begin(key, req, 0).verdict());
        assertEquals(Verdict.DROP, cache.begin(DuplicateCache.keyOf(CLIENT, req), req.clone(), SECOND).verdict());
        byte[] reply = {3, 7, 0, 20};
        cache.complete(key, reply, 2 * SECOND);
        assertEquals(Verdict.DROP, cache.begin(key, req, SECOND + 1).verdict(), "answer still held back (reject delay)");
        DuplicateCache.Outcome again = cache.begin(key, req, 3 * SECOND);
        assertEquals(Verdict.RESEND, again.verdict());
        assertArrayEquals(reply, again.reply());
    }

    @Test
    void sameIdWithAnotherAuthenticatorOrPortIsANewRequest() {
        byte[] req = request(7, 1, 0);
        cache.begin(DuplicateCache.keyOf(CLIENT, req), req, 0);
        byte[] other = request(7, 2, 0);
        assertEquals(Verdict.NEW, cache.begin(DuplicateCache.keyOf(CLIENT, other), other, 0).verdict());
        assertEquals(Verdict.NEW, cache.begin(DuplicateCache.keyOf(new InetSocketAddress("127.0.0.1", 40001), req), req, 0).verdict());
    }

    @Test
    void everyPartOfTheIdentityCountsAndAnIpv6SourceIsNotTakenForAnIpv4One() throws Exception {
        byte[] req = request(7, 1, 0);
        Object key = DuplicateCache.keyOf(CLIENT, req);
        byte[] lastAuthenticatorOctet = req.clone();
        lastAuthenticatorOctet[19] = 1;
        byte[] otherIdentifier = request(8, 1, 0);
        InetSocketAddress ipv6Alike = new InetSocketAddress(java.net.InetAddress.getByName("::7f00:1"), 40000);
        InetSocketAddress ipv6 = new InetSocketAddress(java.net.InetAddress.getByName("fe80::1:2:3:4"), 40000);
        assertEquals(key, DuplicateCache.keyOf(new InetSocketAddress("127.0.0.1", 40000), req.clone()), "the same request, received again");
        assertEquals(DuplicateCache.keyOf(ipv6, req), DuplicateCache.keyOf(new InetSocketAddress("fe80::1:2:3:4", 40000), req));
        for (Object other : java.util.List.of(DuplicateCache.keyOf(CLIENT, lastAuthenticatorOctet), DuplicateCache.keyOf(CLIENT, otherIdentifier),
                DuplicateCache.keyOf(new InetSocketAddress("127.0.0.2", 40000), req), DuplicateCache.keyOf(ipv6Alike, req), DuplicateCache.keyOf(ipv6, req))) {
            assertNotEquals(key, other);
        }
        assertEquals(Verdict.NEW, cache.begin(DuplicateCache.keyOf(ipv6, req), req, 0).verdict());
        assertEquals(Verdict.DROP, cache.begin(DuplicateCache.keyOf(ipv6, req), req.clone(), 1).verdict(), "a retransmission from an IPv6 client");
    }

    @Test
    void copyWithDifferentContentIsDropped() {
        byte[] req = request(7, 1, 0);
        Object key = DuplicateCache.keyOf(CLIENT, req);
        cache.begin(key, req, 0);
        cache.complete(key, new byte[] {3}, 0);
        byte[] forged = request(7, 1, 9);
        assertEquals(Verdict.DROP, cache.begin(DuplicateCache.keyOf(CLIENT, forged), forged, SECOND).verdict());
    }

    @Test
    void answeredEntriesExpireAndAbandonedOnesAreDecidedAfresh() {
        byte[] req = request(9, 1, 0);
        Object key = DuplicateCache.keyOf(CLIENT, req);
        cache.begin(key, req, 0);
        cache.complete(key, new byte[] {2}, 0);
        assertEquals(Verdict.NEW, cache.begin(key, req, 6 * SECOND).verdict(), "after the lifetime the same bytes are a new request");
        cache.abandon(key);
        assertEquals(Verdict.NEW, cache.begin(key, req, 6 * SECOND).verdict());
        cache.complete(key, new byte[] {2}, 6 * SECOND);
        cache.sweep(20 * SECOND);
        assertEquals(0, cache.size());
    }

    @Test
    void isBounded() {
        DuplicateCache small = new DuplicateCache(5 * SECOND, 2);
        for (int i = 0; i < 3; i++) {
            byte[] req = request(i, 1, 0);
            assertEquals(i < 2 ? Verdict.NEW : Verdict.FULL, small.begin(DuplicateCache.keyOf(CLIENT, req), req, 0).verdict());
        }
    }
}
