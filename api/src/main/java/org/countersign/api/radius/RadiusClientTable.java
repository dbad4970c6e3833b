package org.countersign.api.radius;

import java.util.List;

/**
 * A snapshot of the configured RADIUS clients, as handed to the resource adapter.
 *
 * @param version changes whenever any client changes, so the adapter can tell a new table from an old one
 * @param clients the clients, most specific network first is not required: the adapter picks the longest prefix
 */
public record RadiusClientTable(long version, List<RadiusClientEntry> clients) {

    public RadiusClientTable {
        clients = List.copyOf(clients);
    }

    /** A table with no clients: every datagram is dropped. */
    public static RadiusClientTable empty() {
        return new RadiusClientTable(0, List.of());
    }
}
