package org.countersign.radius.wire;

import java.util.Locale;
import java.util.Optional;

/** Attribute value types (RFC 2865 section 5, RFC 3162 section 2, RFC 8044), as named in the dictionary files. */
public enum DataType {
    /** UTF-8 text (RFC 2865 "text"). */
    TEXT,
    /** Octets that are usually printable, such as User-Name (RFC 2865 "string"). */
    STRING,
    /** Opaque octets such as State or Class, shown in hex. */
    OCTETS,
    /** 32-bit unsigned big-endian value, possibly with named VALUEs. */
    INTEGER,
    /** IPv4 address, 4 octets. */
    IPADDR,
    /** IPv6 address, 16 octets (RFC 3162). */
    IPV6ADDR,
    /** Seconds since 1970-01-01 UTC, 32-bit unsigned. */
    DATE;

    /** The lowercase word used in dictionary files. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<DataType> fromKeyword(String word) {
        for (DataType type : values()) {
            if (type.keyword().equals(word)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
