package org.countersign.jpa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * An {@link Instant} in the form EclipseLink stores an attribute it has no converter for: Java serialization, in a
 * VARBINARY column. The older entities' Instant columns are stored so; a statement written by hand that sets one of
 * them must write this form, or JPA cannot read the row back.
 */
public final class SerializedInstant {

    private SerializedInstant() {
    }

    /** @return the column value, or {@code null} for {@code null} */
    public static byte[] of(Instant value) {
        if (value == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
