/**
 * The audit trail in table CS_AUDIT_EVENT. Records are written in their own transaction, so a
 * rejected attempt whose business transaction rolls back is still on record. Nothing that could
 * be a secret is ever written here.
 */
package org.countersign.audit;
