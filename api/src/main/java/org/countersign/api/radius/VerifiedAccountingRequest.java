package org.countersign.api.radius;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Accounting-Request (RFC 2866) whose client and Request Authenticator the adapter has checked.
 *
 * @param clientName the configured client it came from
 * @param source the datagram's source address and port
 * @param identifier the RADIUS Identifier octet
 * @param attributes every attribute by dictionary name, values as text, in packet order
 */
public record VerifiedAccountingRequest(String clientName, InetSocketAddress source, int identifier, List<NamedAttribute> attributes) {

    public VerifiedAccountingRequest {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(source, "source");
        attributes = List.copyOf(attributes);
    }

    /** @return the first value of the named attribute */
    public Optional<String> first(String name) {
        return attributes.stream().filter(a -> a.name().equalsIgnoreCase(name)).map(NamedAttribute::value).findFirst();
    }
}
