/**
 * Secrets at rest. Token seeds, RADIUS shared secrets and service-account passwords are sealed with
 * AES-256-GCM under the installation's master key, each bound to its row by associated data, so a
 * flipped bit or a value copied to another row fails closed. Short codes are stored only as
 * HMAC-SHA256 under a key derived from the master key (HKDF, RFC 5869). The master key lives in
 * one owner-only file beside WildFly's configuration; a missing or damaged file stops the start
 * and is never overwritten. Nothing in this package ever logs or prints key material.
 */
package org.countersign.seal;
