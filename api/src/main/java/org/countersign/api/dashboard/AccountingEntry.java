package org.countersign.api.dashboard;

import java.time.Instant;

/**
 * One RADIUS Accounting-Request as kept (RFC 2866); any field but the time and the client may be {@code null}, when the
 * NAS did not send it.
 *
 * @param at when it was received
 * @param client the RADIUS client it came from
 * @param statusType Acct-Status-Type: Start, Stop, Interim-Update, Accounting-On, Accounting-Off, or its number
 * @param userName User-Name
 * @param sessionId Acct-Session-Id
 * @param nas NAS-Identifier, else NAS-IP-Address
 * @param framedIp Framed-IP-Address: the address the user was given
 * @param sessionSeconds Acct-Session-Time
 * @param terminateCause Acct-Terminate-Cause
 */
public record AccountingEntry(Instant at, String client, String statusType, String userName, String sessionId, String nas,
                              String framedIp, Long sessionSeconds, String terminateCause) {
}
