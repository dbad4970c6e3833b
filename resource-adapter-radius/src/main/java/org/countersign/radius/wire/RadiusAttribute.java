package org.countersign.radius.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * One attribute (RFC 2865 section 5): a type of 1 to 255 and a value of 0 to 253 octets. Immutable
 * and thread-safe: the value is copied in and out. {@link #toString()} shows the length, never the value.
 *
 * @param type the attribute number, 1-255
 * @param value the value octets, at most 253
 */
public record RadiusAttribute(int type, byte[] value) {

    /** Largest value that fits the one-octet Length field (255 minus the two header octets). */
    public static final int MAX_VALUE_LENGTH = 253;

    public RadiusAttribute {
        if (type < 1 || type > 255) {
            throw new IllegalArgumentException("attribute type must be 1-255, was " + type);
        }
        Objects.requireNonNull(value, "value");
        if (value.length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("attribute " + type + " value is " + value.length
                    + " octets, at most " + MAX_VALUE_LENGTH + " fit");
        }
        value = value.clone();
    }

    /** A copy of the value octets. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The value length in octets, without copying. */
    public int length() {
        return value.length;
    }

    byte[] valueNoCopy() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusAttribute other && type == other.type && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RadiusAttribute[type=" + type + ", length=" + value.length + "]";
    }
}
