/**
 * Users' tokens: the entity, and the service that enrols, verifies and manages them. A code is
 * accepted at most once, even when it arrives at the same time on several servers sharing the
 * database: the common case (one usable token, the code right) is written by one update that
 * applies only if the row still has the version read ({@link org.countersign.token.UnlockedTokens});
 * every other verification locks the user's token rows (SELECT ... FOR UPDATE) for the length of one
 * short transaction ({@link org.countersign.token.TokenBean}) and counts its failure there. Time
 * steps and counters only move forward. This package knows nothing of RADIUS, portals or delivery
 * channels.
 */
package org.countersign.token;
