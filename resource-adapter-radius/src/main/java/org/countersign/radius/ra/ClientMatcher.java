package org.countersign.radius.ra;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import org.countersign.api.radius.RadiusClientEntry;
import org.countersign.api.radius.RadiusClientTable;

/**
 * Finds the RADIUS client a datagram's source address belongs to: the entry with the longest
 * matching prefix. Immutable and thread-safe; built once per client table.
 */
final class ClientMatcher {

    private static final Logger LOG = Logger.getLogger(ClientMatcher.class.getName());
    static final ClientMatcher EMPTY = new ClientMatcher(-1, List.of());

    private record Network(byte[] address, int prefix, RadiusClientEntry client) {
        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (candidate[full] & mask) == (address[full] & mask);
        }
    }

    private final long version;
    private final List<Network> networks;

    private ClientMatcher(long version, List<Network> networks) {
        this.version = version;
        this.networks = networks;
    }

    /** Builds a matcher; entries whose network cannot be parsed are left out and logged. */
    static ClientMatcher of(RadiusClientTable table) {
        List<Network> networks = new ArrayList<>();
        for (RadiusClientEntry client : table.clients()) {
            try {
                networks.add(parse(client));
            } catch (IllegalArgumentException e) {
                LOG.warning("RADIUS client " + client.name() + " left out: " + e.getMessage());
            }
        }
        networks.sort(Comparator.comparingInt(Network::prefix).reversed());
        return new ClientMatcher(table.version(), List.copyOf(networks));
    }

    long version() {
        return version;
    }

    /** @return the client owning this address, or {@code null} when none does */
    RadiusClientEntry match(InetAddress source) {
        byte[] candidate = source.getAddress();
        for (Network network : networks) {
            if (network.contains(candidate)) {
                return network.client();
            }
        }
        return null;
    }

    private static Network parse(RadiusClientEntry client) {
        String spec = client.network().trim();
        int slash = spec.indexOf('/');
        String host = slash < 0 ? spec : spec.substring(0, slash);
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException("network '" + spec + "' is not an IP address or CIDR block");
        }
        byte[] address;
        try {
            address = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("network '" + spec + "' is not an IP address or CIDR block", e);
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(spec.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("network '" + spec + "' has no valid prefix length", e);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("network '" + spec + "' prefix must be 0-" + bits);
            }
        }
        return new Network(address, prefix, client);
    }
}
