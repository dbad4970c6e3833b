package org.countersign.radius.wire;

import java.util.Objects;

/**
 * One dictionary entry: an attribute's name, number and data type.
 *
 * @param name the name as the RFC spells it, for example {@code User-Name}
 * @param type the attribute number, 1-255
 * @param dataType how its value is written as text
 */
public record AttributeDefinition(String name, int type, DataType dataType) {

    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        if (name.isBlank()) {
            throw new IllegalArgumentException("attribute name must not be blank");
        }
        if (type < 1 || type > 255) {
            throw new IllegalArgumentException("attribute type must be 1-255, was " + type);
        }
    }
}
