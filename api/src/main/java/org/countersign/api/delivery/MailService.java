package org.countersign.api.delivery;

import jakarta.ejb.Local;
import java.util.Optional;

/**
 * E-mail for the console: the mail server's settings, test messages and enrolment invitations.
 *
 * <p>Countersign sends through the SMTP server stored in global settings ({@code mail.smtp.*}, the password
 * sealed under the master key); while none is stored it uses the server's mail session
 * {@code java:jboss/mail/Countersign}, whose host, port and sender are system properties. Every send opens
 * its own connection on the calling thread with connect and read timeouts, and is audited with the actor.
 * Container-managed and thread-safe.
 */
@Local
public interface MailService {

    /** @return the stored mail server, or empty while the server's own mail session is used */
    Optional<MailServerSettings> serverSettings();

    /** @return whether an SMTP password is stored (sealed) with the mail server settings */
    boolean passwordStored();

    /**
     * Stores the mail server every later message goes through. Audited as {@code mail.configure}.
     *
     * @param settings host, port, security, user and sender
     * @param password the SMTP password; {@code null} keeps the stored one, an empty array removes it
     * @param actor who made the change
     * @throws MailSettingsException naming the field that is refused
     */
    void configure(MailServerSettings settings, char[] password, String actor);

    /** Forgets the stored mail server: messages go through the server's mail session again. Audited. */
    void useServerMailSession(String actor);

    /**
     * Sends a short test message through the current mail server. Audited as {@code mail.test}.
     *
     * @param to the address to send it to
     * @return sent, or why not: connection refused, unknown host, timeout, TLS, authentication, address refused
     */
    MailResult sendTestMessage(String to, String actor);

    /**
     * Sends a test message through a mail server that is not stored yet, such as the one a setup wizard is
     * about to save. Audited as {@code mail.test}.
     *
     * @param password the password to try; {@code null} tries the stored one
     * @return sent, or why not; refused settings give {@link MailFailure#NOT_CONFIGURED} with the field named
     */
    MailResult sendTestMessage(MailServerSettings settings, char[] password, String to, String actor);

    /**
     * Sends an enrolment invitation: the portal URL and the one-time code, from the templates
     * {@code mail.enrolment.subject} and {@code mail.enrolment.body} (placeholders {@code {user}}, {@code {name}},
     * {@code {url}}, {@code {code}}, {@code {expires}}, {@code {days}}, {@code {hours}}). Audited as
     * {@code mail.enrolment} with actor and user, never with the code.
     *
     * @return sent, or why not; the caller decides whether to keep the code
     */
    MailResult sendEnrolment(EnrolmentMessage message, String actor);
}
