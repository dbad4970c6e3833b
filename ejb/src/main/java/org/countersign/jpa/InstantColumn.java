package org.countersign.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Stores an {@link Instant} as a SQL TIMESTAMP (UTC instant through {@link Timestamp}), to the microsecond: the
 * precision of TIMESTAMP in H2 and PostgreSQL, cut here rather than rounded by the database. Thread-safe.
 */
@Converter
public class InstantColumn implements AttributeConverter<Instant, Timestamp> {

    /** The column value of an instant, for statements written by hand; {@code null} for {@code null}. */
    public static Timestamp of(Instant value) {
        return value == null ? null : Timestamp.from(value.truncatedTo(ChronoUnit.MICROS));
    }

    /** The instant of a column value, for results read by hand; {@code null} for {@code null}. */
    public static Instant instantOf(Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    @Override
    public Timestamp convertToDatabaseColumn(Instant value) {
        return of(value);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp value) {
        return instantOf(value);
    }
}
