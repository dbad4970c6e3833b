/**
 * Users' tokens: the entity, and the service that enrols, verifies and manages them. Verification
 * locks the token's row (SELECT ... FOR UPDATE) for the length of one short transaction, so a code
 * is accepted at most once even when it arrives at the same time on several servers sharing the
 * database; time steps and counters only move forward. This package knows nothing of RADIUS,
 * portals or delivery channels.
 */
package org.countersign.token;
