/**
 * The JCA resource adapter that owns the RADIUS UDP socket. It receives on a long-running Work,
 * checks the source address against the client table before any cryptography, hands each datagram
 * to a bounded number of short Works that verify it with {@code org.countersign.radius.wire}, asks
 * the EJB module for a decision through message inflow ({@link org.countersign.api.radius.RadiusRequestListener})
 * and sends the answer. Invariants: the receive loop never dies and never blocks on processing;
 * anything malformed, unknown or unverifiable is dropped and counted, never answered; no secret or
 * password is ever logged.
 */
package org.countersign.radius.ra;
