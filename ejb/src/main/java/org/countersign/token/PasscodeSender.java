package org.countersign.token;

/**
 * Delivers a server-made code to its user (SMS, e-mail). Implementations live in {@code delivery.*}
 * as CDI beans; the token service picks the one whose {@link #channel()} is the token's type id.
 * The code must never be logged. Implementations are thread-safe.
 */
public interface PasscodeSender {

    /** @return the token type id this sender serves, such as {@code sms} or {@code email} */
    String channel();

    /**
     * Sends the code.
     *
     * @param userId the directory-qualified user id
     * @param code the code in clear; never log it
     * @throws RuntimeException if it cannot be sent; the token service then keeps no code
     */
    void send(String userId, String code);
}
