/**
 * Schema upkeep beyond what EclipseLink's {@code create-or-extend-tables} does: it adds missing columns to existing
 * tables but never their indexes, so an index declared after a table was first created would be missing on every
 * installation that existed before. Indexes are created here, by name, only where absent; columns an entity no
 * longer maps are dropped here where their constraints would refuse new rows.
 */
package org.countersign.schema;
