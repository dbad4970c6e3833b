/**
 * The RADIUS wire format (RFC 2865, 2866, 2869, 3579) as pure functions over byte arrays: a strict,
 * bounds-checked decoder, reply and request encoders, authenticator and Message-Authenticator checks,
 * User-Password hiding, and an attribute dictionary loaded from data files so that the rest of the
 * system names attributes, never numbers them. Invariants: no I/O, no logging, no mutable state —
 * every class here is immutable and safe to share between threads; a datagram that breaks a rule of
 * RFC 2865 section 3 yields a {@link org.countersign.radius.wire.MalformedPacketException} with a
 * fixed reason and never any other exception; every Message-Authenticator this package writes is the
 * first attribute of the packet (BlastRADIUS, CVE-2024-3596); every comparison of an authenticator
 * is constant-time; no value of a secret, password or authenticator appears in a {@code toString}.
 */
package org.countersign.radius.wire;
