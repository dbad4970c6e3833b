/** The HOTP soft token (RFC 4226): event-based codes, look-ahead and resynchronisation. */
package org.countersign.token.type.hotp;
