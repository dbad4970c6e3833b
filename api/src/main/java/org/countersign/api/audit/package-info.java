/**
 * The audit trail: one record per thing worth answering for later (every verification, every
 * administrative change, dropped RADIUS traffic). Records never hold a secret, seed or passcode.
 */
package org.countersign.api.audit;
