package org.countersign.radius.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DropCountersTest {

    @Test
    void countsEveryDropByReasonEvenWhenLoggingIsThrottled() {
        DropCounters drops = new DropCounters();
        InetSocketAddress source = new InetSocketAddress("127.0.0.1", 5000);
        for (int i = 0; i < 1000; i++) {
            drops.drop("short datagram", source);
        }
        drops.drop("unknown client", source);
        assertEquals(1000, drops.total("short datagram"));
        assertEquals(Map.of("short datagram", 1000L, "unknown client", 1L), drops.snapshot());
        assertEquals(0, drops.total("never"));
    }
}
