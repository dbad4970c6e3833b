package org.countersign.api.delivery;

import java.util.Objects;

/**
 * What became of one message.
 *
 * @param sent whether the server accepted the message
 * @param failure why it was not sent, or {@code null} when it was
 * @param message a sentence for an administrator: where it went, or what went wrong; never a password or code
 */
public record MailResult(boolean sent, MailFailure failure, String message) {

    public MailResult {
        Objects.requireNonNull(message, "message");
        if (sent != (failure == null)) {
            throw new IllegalArgumentException("a sent message has no failure, an unsent one has one");
        }
    }

    /** @return a result for a message the server accepted */
    public static MailResult sent(String message) {
        return new MailResult(true, null, message);
    }

    /** @return a result for a message that was not sent */
    public static MailResult failed(MailFailure failure, String message) {
        return new MailResult(false, Objects.requireNonNull(failure, "failure"), message);
    }
}
