package org.countersign.delivery.mail;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.countersign.api.delivery.EnrolmentMessage;
import org.countersign.api.delivery.MailResult;
import org.countersign.api.delivery.MailService;
import org.countersign.enrolment.EnrolmentMessageSender;

/**
 * Sends enrolment messages through {@link MailService#sendEnrolment}: the stored mail server, or the
 * server's mail session while none is stored; the mail service audits each one (never the code).
 * Thread-safe.
 */
@ApplicationScoped
public class MailEnrolmentSender implements EnrolmentMessageSender {

    @EJB
    private MailService mail;

    @Override
    public void send(EnrolmentMessage message, String actor) {
        MailResult result = mail.sendEnrolment(message, actor);
        if (!result.sent()) {
            throw new MailDeliveryException(result.message());
        }
    }
}
