/**
 * The authentication decision: directory password, then the second factor, in one of three modes.
 * It knows nothing of RADIUS bytes, portals or delivery. Invariants: it fails closed (any failure
 * of a directory, the database or a token check is a Reject); a challenge State is random
 * (256 bits), stored only as its SHA-256, single-use, bound to the user and the client, and
 * expires; an unknown, expired, reused or foreign State never skips the password step.
 */
package org.countersign.auth;
