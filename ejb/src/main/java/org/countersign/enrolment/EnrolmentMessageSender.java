package org.countersign.enrolment;

import org.countersign.api.delivery.EnrolmentMessage;

/**
 * Delivers an enrolment message (portal address and one-time code) to its user, by e-mail. An
 * implementation is a CDI bean in {@code delivery.mail}; when none is deployed, sending an enrolment
 * is refused with a message saying so. Implementations never log the code and are thread-safe.
 */
public interface EnrolmentMessageSender {

    /**
     * Sends the message.
     *
     * @param actor who asked for it, for the audit trail
     * @throws RuntimeException if it cannot be sent, with a message for an administrator; the enrolment
     *                          service then keeps no code
     */
    void send(EnrolmentMessage message, String actor);
}
