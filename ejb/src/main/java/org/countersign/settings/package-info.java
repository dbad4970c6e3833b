/**
 * Settings stored in the database, one row per key. Values are never secrets: sealed secrets live
 * in the rows of the entity they belong to. Writes are last-writer-wins with an optimistic version.
 */
package org.countersign.settings;
