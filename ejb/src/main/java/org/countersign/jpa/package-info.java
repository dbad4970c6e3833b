/**
 * JPA helpers shared by entities. EclipseLink 4.0 has no mapping for {@link java.time.Instant} and
 * stores it as a serialized object (a VARBINARY column); {@link org.countersign.jpa.InstantColumn}
 * stores it as a SQL TIMESTAMP instead, so databases compare and sort it as time. Every entity uses it;
 * the serialized columns of earlier installations are converted at start-up
 * ({@link org.countersign.schema.TimestampColumns}).
 */
package org.countersign.jpa;
