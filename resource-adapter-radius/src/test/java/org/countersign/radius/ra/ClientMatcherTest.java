package org.countersign.radius.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.countersign.api.radius.RadiusClientEntry;
import org.countersign.api.radius.RadiusClientTable;
import org.junit.jupiter.api.Test;

class ClientMatcherTest {

    private static RadiusClientEntry client(String name, String network) {
        return new RadiusClientEntry(name, network, "secret".getBytes(), true, false);
    }

    private static InetAddress ip(String text) throws UnknownHostException {
        return InetAddress.getByName(text);
    }

    private final ClientMatcher matcher = ClientMatcher.of(new RadiusClientTable(1, List.of(
            client("office", "192.0.2.0/24"),
            client("vpn-1", "192.0.2.10"),
            client("v6", "2001:db8::/32"),
            client("odd-prefix", "198.51.100.64/27"),
            client("broken", "not-an-address"),
            client("hostname", "localhost"))));

    @Test
    void exactAddressWinsOverItsNetwork() throws UnknownHostException {
        assertEquals("vpn-1", matcher.match(ip("192.0.2.10")).name());
        assertEquals("office", matcher.match(ip("192.0.2.11")).name());
    }

    @Test
    void prefixNotOnAByteBoundaryIsHonoured() throws UnknownHostException {
        assertEquals("odd-prefix", matcher.match(ip("198.51.100.95")).name());
        assertNull(matcher.match(ip("198.51.100.96")));
        assertNull(matcher.match(ip("198.51.100.63")));
    }

    @Test
    void ipv6NetworksMatchOnlyIpv6() throws UnknownHostException {
        assertEquals("v6", matcher.match(ip("2001:db8:1::5")).name());
        assertNull(matcher.match(ip("2001:db9::1")));
    }

    @Test
    void unknownAddressMatchesNothing() throws UnknownHostException {
        assertNull(matcher.match(ip("203.0.113.1")));
        assertNull(ClientMatcher.EMPTY.match(ip("127.0.0.1")));
    }

    @Test
    void entriesThatAreNotAddressesAreLeftOutNotResolved() throws UnknownHostException {
        assertNull(matcher.match(ip("127.0.0.1")), "a host name is never looked up in DNS");
    }
}
