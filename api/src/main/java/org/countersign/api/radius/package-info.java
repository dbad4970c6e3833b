/**
 * The boundary between the RADIUS resource adapter (which owns the UDP socket and the wire format)
 * and the EJB module (which decides). The adapter delivers requests it has already checked
 * (known client, valid authenticators) through the {@link org.countersign.api.radius.RadiusRequestListener}
 * message-inflow interface; the EJB module answers with a {@link org.countersign.api.radius.RadiusReply}
 * that knows nothing of bytes. Attributes travel by dictionary name, never by number.
 */
package org.countersign.api.radius;
