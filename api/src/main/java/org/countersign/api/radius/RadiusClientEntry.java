package org.countersign.api.radius;

import java.util.Arrays;
import java.util.Objects;

/**
 * One RADIUS client as the resource adapter needs it: where it may send from, the shared secret
 * (unsealed, in memory only) and the per-client wire defences. {@link #toString()} never shows the secret.
 *
 * @param name the administrator's name for the client, used in audit records
 * @param network a single address ({@code 192.0.2.1}) or a CIDR block ({@code 192.0.2.0/24}, {@code 2001:db8::/32})
 * @param secret the shared secret's octets
 * @param requireMessageAuthenticator drop Access-Requests that carry no valid Message-Authenticator (BlastRADIUS, CVE-2024-3596)
 * @param limitProxyState drop Access-Requests that carry Proxy-State but no Message-Authenticator
 */
public record RadiusClientEntry(String name, String network, byte[] secret,
                                boolean requireMessageAuthenticator, boolean limitProxyState) {

    public RadiusClientEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(secret, "secret");
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusClientEntry other
                && name.equals(other.name) && network.equals(other.network)
                && Arrays.equals(secret, other.secret)
                && requireMessageAuthenticator == other.requireMessageAuthenticator
                && limitProxyState == other.limitProxyState;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, network, requireMessageAuthenticator, limitProxyState);
    }

    @Override
    public String toString() {
        return "RadiusClientEntry[name=" + name + ", network=" + network + ", secret=(hidden), requireMessageAuthenticator="
                + requireMessageAuthenticator + ", limitProxyState=" + limitProxyState + "]";
    }
}
