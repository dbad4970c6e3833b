/**
 * The {@code self-check} job: checks the server's parts through the health service and records
 * the outcome as the local setting {@code batch.self-check.last}. It proves batch runs in the
 * EAR and gives operators a scheduled health record.
 */
package org.countersign.batch.selfcheck;
