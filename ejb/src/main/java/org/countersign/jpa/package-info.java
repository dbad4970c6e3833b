/**
 * JPA helpers shared by entities. EclipseLink 4.0 has no mapping for {@link java.time.Instant} and
 * stores it as a serialized object (a VARBINARY column); {@link org.countersign.jpa.InstantColumn}
 * stores it as a SQL TIMESTAMP instead, so databases compare and sort it as time. New entities use it;
 * existing tables keep their columns.
 */
package org.countersign.jpa;
