package org.countersign.api.radius;

import java.util.Objects;

/**
 * A RADIUS attribute by its dictionary name with its value as text (strings as UTF-8, integers in
 * decimal or by their dictionary value name, addresses in the usual notation, octets in hex).
 *
 * @param name dictionary name such as {@code Filter-Id} or {@code Class}
 * @param value the value as text
 */
public record NamedAttribute(String name, String value) {

    public NamedAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
