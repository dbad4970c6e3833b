package org.countersign.delivery.mail;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.delivery.MailResult;
import org.countersign.api.directory.DirectoryService;
import org.countersign.api.directory.DirectoryUserView;
import org.countersign.api.settings.SettingsService;
import org.countersign.token.PasscodeSender;

/**
 * Sends e-mail passcodes to the address the user's directory holds now, from the templates
 * {@code mail.passcode.subject} and {@code mail.template} (the body, edited on the Settings page; placeholders {@code {code}}, {@code {minutes}},
 * {@code {user}}, {@code {name}}; a body without {@code {code}} is ignored for the default). A failed message is
 * audited as {@code mail.passcode} with the reason, never with the code.
 */
@ApplicationScoped
public class EmailPasscodeSender implements PasscodeSender {

    static final String SUBJECT = "mail.passcode.subject";
    static final String BODY = "mail.template";
    static final String DEFAULT_SUBJECT = "Your Countersign passcode";
    static final String DEFAULT_BODY = """
            Hello {name},

            your passcode is {code}

            It is valid for {minutes} minutes and works once.
            If you did not just try to log in, please tell your IT helpdesk.
            """;

    @EJB
    private MailBean mail;

    @EJB
    private SettingsService settings;

    @EJB
    private DirectoryService directories;

    @EJB
    private AuditService audit;

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public void send(String userId, String code) {
        DirectoryUserView user = directories.findById(userId).orElse(null);
        if (user == null) {
            throw failed(userId, "user " + userId + " cannot be found in their directory");
        }
        if (user.mail() == null || user.mail().isBlank()) {
            throw failed(userId, "user " + userId + " has no e-mail address in their directory");
        }
        Map<String, String> values = Map.of(
                "code", code,
                "minutes", settings.find("passcode.lifetime-minutes").orElse("10"),
                "user", user.login(),
                "name", user.displayName() == null || user.displayName().isBlank() ? user.login() : user.displayName());
        String subject = MailTemplate.of(settings.find(SUBJECT).orElse(null), DEFAULT_SUBJECT, null).renderLine(values);
        String body = MailTemplate.of(settings.find(BODY).orElse(null), DEFAULT_BODY, "code").render(values);
        MailResult result = mail.deliver(user.mail(), subject, body);
        if (!result.sent()) {
            throw failed(userId, result.message());
        }
    }

    private MailDeliveryException failed(String userId, String why) {
        audit.record(new AuditRecord(Instant.now(), "mail.passcode", "REJECTED", "NOT_SENT", "system", userId, null, null, null, null, why));
        return new MailDeliveryException(why);
    }
}
