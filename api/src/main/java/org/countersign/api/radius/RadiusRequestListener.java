package org.countersign.api.radius;

/**
 * Message listener through which the RADIUS resource adapter hands work to the EJB module
 * (JCA message inflow). Implemented by a message-driven bean; the adapter calls it from its own
 * worker threads, so implementations must be thread-safe (a pooled MDB is).
 */
public interface RadiusRequestListener {

    /**
     * The RADIUS clients currently configured. The adapter polls this every few seconds and on
     * start, and matches every datagram's source address against the last table it received
     * before doing any cryptography, so a flood from an unknown address never reaches the database.
     *
     * @return the current table, never {@code null}
     */
    RadiusClientTable clientTable();

    /**
     * Decides an Access-Request whose client, Request Authenticator and (where present or
     * required) Message-Authenticator the adapter has already verified (RFC 2865 section 4.1,
     * RFC 3579 section 3.2).
     *
     * @param request the verified request, with User-Password already decrypted
     * @return the answer to send, never {@code null}
     */
    RadiusReply onAccessRequest(VerifiedAccessRequest request);

    /**
     * Records an Accounting-Request (RFC 2866). The adapter answers Accounting-Response only when this
     * returns normally; if it throws, nothing is answered and the client sends the request again
     * (RFC 2866 section 2: no response unless the record was kept).
     *
     * @param request the verified request
     */
    void onAccountingRequest(VerifiedAccountingRequest request);
}
