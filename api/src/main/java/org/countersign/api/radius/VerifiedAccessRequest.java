package org.countersign.api.radius;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * An Access-Request that the resource adapter has checked: it came from a configured client, and
 * its Message-Authenticator, where present, is valid under that client's secret. {@link #toString()}
 * never shows the password or the State.
 *
 * @param clientName the configured client it came from
 * @param source the datagram's source address and port
 * @param identifier the RADIUS Identifier octet (0-255)
 * @param userName User-Name, or {@code null} if absent
 * @param password User-Password decrypted (RFC 2865 section 5.2) with trailing NUL padding removed, or {@code null} if absent
 * @param state the State attribute, or {@code null} if absent
 * @param attributes every attribute of the request by dictionary name, values rendered as text, in packet order
 */
public record VerifiedAccessRequest(String clientName, InetSocketAddress source, int identifier,
                                    String userName, byte[] password, byte[] state,
                                    List<NamedAttribute> attributes) {

    public VerifiedAccessRequest {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(source, "source");
        password = password == null ? null : password.clone();
        state = state == null ? null : state.clone();
        attributes = List.copyOf(attributes);
    }

    @Override
    public byte[] password() {
        return password == null ? null : password.clone();
    }

    @Override
    public byte[] state() {
        return state == null ? null : state.clone();
    }

    @Override
    public String toString() {
        return "VerifiedAccessRequest[client=" + clientName + ", source=" + source + ", id=" + identifier
                + ", user=" + userName + ", password=" + (password == null ? "absent" : "(hidden)")
                + ", state=" + (state == null ? "absent" : "(hidden)") + "]";
    }
}
