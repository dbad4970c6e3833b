package org.countersign.delivery.mail;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.countersign.api.audit.AuditRecord;
import org.countersign.api.audit.AuditService;
import org.countersign.api.delivery.EnrolmentMessage;
import org.countersign.api.delivery.MailFailure;
import org.countersign.api.delivery.MailResult;
import org.countersign.api.delivery.MailSecurity;
import org.countersign.api.delivery.MailServerSettings;
import org.countersign.api.delivery.MailService;
import org.countersign.api.delivery.MailSettingsException;
import org.countersign.api.directory.UserId;
import org.countersign.api.settings.SettingScope;
import org.countersign.api.settings.SettingsService;
import org.countersign.seal.SealingBean;

/**
 * Mail through the SMTP server stored in global settings, or the server's mail session while none is stored.
 * Settings are read for every message, so a change applies to the next one on every server of the installation.
 */
@Stateless
@LocalBean
public class MailBean implements MailService {

    /** Settings keys, all global. */
    public static final String HOST = "mail.smtp.host";
    public static final String PORT = "mail.smtp.port";
    public static final String SECURITY = "mail.smtp.security";
    public static final String USER = "mail.smtp.user";
    public static final String PASSWORD = "mail.smtp.password";
    public static final String FROM = "mail.from";
    public static final String TIMEOUT_SECONDS = "mail.smtp.timeout-seconds";
    public static final String ENROLMENT_SUBJECT = "mail.enrolment.subject";
    public static final String ENROLMENT_BODY = "mail.enrolment.body";

    static final String JNDI_SESSION = "java:jboss/mail/Countersign";
    static final String DEFAULT_ENROLMENT_SUBJECT = "Set up two-factor authentication";
    static final String DEFAULT_ENROLMENT_BODY = """
            Hello {name},

            your account {user} is now protected by two-factor authentication.
            To set up your authenticator app, open

                {url}

            and log in with your usual password and this one-time code:

                {code}

            The code works once, until {expires}.

            If you did not expect this message, please tell your IT helpdesk.
            """;

    private static final Logger LOG = Logger.getLogger(MailBean.class.getName());
    private static final Pattern HOST_NAME = Pattern.compile("[^\\s/@]{1,253}");
    private static final byte[] PASSWORD_BINDING = ("setting:" + PASSWORD).getBytes(StandardCharsets.UTF_8);
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    @EJB
    private SettingsService settings;

    @EJB
    private SealingBean sealing;

    @EJB
    private AuditService audit;

    /** Where and as whom messages go now. */
    record Route(Session session, String from) {
    }

    @Override
    public Optional<MailServerSettings> serverSettings() {
        String host = setting(HOST);
        if (host == null) {
            return Optional.empty();
        }
        MailSecurity security = security(setting(SECURITY));
        return Optional.of(new MailServerSettings(host, port(setting(PORT), security), security, setting(USER), setting(FROM)));
    }

    @Override
    public boolean passwordStored() {
        return setting(PASSWORD) != null;
    }

    @Override
    public void configure(MailServerSettings s, char[] password, String actor) {
        validate(s, password);
        settings.put(HOST, s.host().strip(), SettingScope.GLOBAL);
        settings.put(PORT, Integer.toString(s.port()), SettingScope.GLOBAL);
        settings.put(SECURITY, s.security().name().toLowerCase(Locale.ROOT), SettingScope.GLOBAL);
        settings.put(USER, s.username() == null ? "" : s.username(), SettingScope.GLOBAL);
        settings.put(FROM, s.from().strip(), SettingScope.GLOBAL);
        String passwordChange = "password kept";
        if (password != null && password.length == 0) {
            settings.put(PASSWORD, "", SettingScope.GLOBAL);
            passwordChange = "password removed";
        } else if (password != null) {
            byte[] octets = utf8(password);
            try {
                settings.put(PASSWORD, sealing.seal(octets, PASSWORD_BINDING), SettingScope.GLOBAL);
            } finally {
                Arrays.fill(octets, (byte) 0);
            }
            passwordChange = "password changed";
        }
        record("mail.configure", "DONE", null, actor, null, s.host().strip() + ":" + s.port() + " " + s.security()
                + (s.username() == null ? "" : " as " + s.username()) + ", from " + s.from().strip() + ", " + passwordChange);
    }

    @Override
    public void useServerMailSession(String actor) {
        settings.put(HOST, "", SettingScope.GLOBAL);
        record("mail.configure", "DONE", null, actor, null, "the server's mail session " + JNDI_SESSION);
    }

    @Override
    public MailResult sendTestMessage(String to, String actor) {
        MailResult result;
        try {
            Route route = route();
            result = SmtpMailer.send(route.session(), route.from(), to, "Countersign test message", testBody(actor));
        } catch (MailSettingsException e) {
            result = MailResult.failed(MailFailure.NOT_CONFIGURED, e.getMessage());
        }
        return audited("mail.test", result, actor, null, to);
    }

    @Override
    public MailResult sendTestMessage(MailServerSettings s, char[] password, String to, String actor) {
        MailResult result;
        try {
            validate(s, password);
            char[] secret = password != null ? password : storedPassword();
            Session session = SmtpMailer.session(s, s.username() == null ? null : secret, timeout());
            result = SmtpMailer.send(session, s.from().strip(), to, "Countersign test message", testBody(actor));
        } catch (MailSettingsException e) {
            result = MailResult.failed(MailFailure.NOT_CONFIGURED, e.getMessage());
        }
        return audited("mail.test", result, actor, null, to);
    }

    @Override
    public MailResult sendEnrolment(EnrolmentMessage m, String actor) {
        String login = UserId.loginOf(m.userId());
        Duration left = Duration.between(Instant.now(), m.expiresAt());
        Map<String, String> values = Map.of(
                "user", login,
                "name", m.displayName() == null || m.displayName().isBlank() ? login : m.displayName(),
                "url", m.portalUrl(),
                "code", m.code(),
                "expires", EXPIRY.format(m.expiresAt().atZone(ZoneId.systemDefault())),
                "days", Long.toString(Math.max(0, left.toDays())),
                "hours", Long.toString(Math.max(0, left.toHours())));
        String subject = MailTemplate.of(setting(ENROLMENT_SUBJECT), DEFAULT_ENROLMENT_SUBJECT, null).renderLine(values);
        String body = MailTemplate.of(setting(ENROLMENT_BODY), DEFAULT_ENROLMENT_BODY, "code").render(values);
        return audited("mail.enrolment", deliver(m.to(), subject, body), actor, m.userId(), m.to());
    }

    /**
     * Sends one message through the current route without auditing it; the caller audits.
     *
     * @return sent, or why not
     */
    public MailResult deliver(String to, String subject, String body) {
        try {
            Route route = route();
            return SmtpMailer.send(route.session(), route.from(), to, subject, body);
        } catch (MailSettingsException e) {
            return MailResult.failed(MailFailure.NOT_CONFIGURED, e.getMessage());
        }
    }

    /** @return the stored route, or the server's mail session while no host is stored */
    Route route() {
        String host = setting(HOST);
        if (host != null) {
            MailServerSettings s = serverSettings().orElseThrow();
            if (s.from() == null) {
                throw new MailSettingsException("no sender address is set: set " + FROM);
            }
            return new Route(SmtpMailer.session(s, s.username() == null ? null : storedPassword(), timeout()), s.from());
        }
        Session session;
        try {
            session = InitialContext.doLookup(JNDI_SESSION);
        } catch (NamingException e) {
            throw new MailSettingsException("no mail server is configured: enter one in the console, or configure the server's mail session "
                    + JNDI_SESSION);
        }
        String from = setting(FROM);
        if (from == null) {
            from = session.getProperty("mail.from");
        }
        return new Route(session, from == null ? "countersign@localhost" : from);
    }

    private char[] storedPassword() {
        String sealed = setting(PASSWORD);
        if (sealed == null) {
            return null;
        }
        byte[] octets = sealing.unseal(sealed, PASSWORD_BINDING);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(octets));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            return out;
        } finally {
            Arrays.fill(octets, (byte) 0);
        }
    }

    private Duration timeout() {
        String value = setting(TIMEOUT_SECONDS);
        try {
            int seconds = value == null ? 15 : Integer.parseInt(value);
            return Duration.ofSeconds(Math.max(1, Math.min(120, seconds)));
        } catch (NumberFormatException e) {
            throw new MailSettingsException("setting " + TIMEOUT_SECONDS + " must be a whole number of seconds");
        }
    }

    static void validate(MailServerSettings s, char[] password) {
        if (s == null) {
            throw new MailSettingsException("mail server settings are required");
        }
        if (s.host() == null || !HOST_NAME.matcher(s.host().strip()).matches()) {
            throw new MailSettingsException("host: a host name or address is required");
        }
        if (s.port() < 1 || s.port() > 65535) {
            throw new MailSettingsException("port: must be 1 to 65535, got " + s.port());
        }
        try {
            SmtpMailer.address(s.from());
        } catch (AddressException e) {
            throw new MailSettingsException("from: '" + s.from() + "' is not an e-mail address");
        }
        if (s.username() != null && s.username().length() > 256) {
            throw new MailSettingsException("user: at most 256 characters");
        }
        if (password != null && password.length > 512) {
            throw new MailSettingsException("password: at most 512 characters");
        }
        if (s.username() == null && password != null && password.length > 0) {
            throw new MailSettingsException("password: a password needs a user name");
        }
    }

    private static MailSecurity security(String value) {
        if (value == null) {
            return MailSecurity.NONE;
        }
        try {
            return MailSecurity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MailSettingsException("setting " + SECURITY + " must be none, starttls or tls, got '" + value + "'");
        }
    }

    private static int port(String value, MailSecurity security) {
        if (value == null) {
            return switch (security) {
                case NONE -> 25;
                case STARTTLS -> 587;
                case TLS -> 465;
            };
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new MailSettingsException("setting " + PORT + " must be a port number, got '" + value + "'");
        }
    }

    private static String testBody(String actor) {
        return "This is a test message from Countersign, sent by " + (actor == null ? "an administrator" : actor) + " at "
                + Instant.now() + ".\n\nIf it reached you, Countersign can send e-mail passcodes and enrolment invitations.\n";
    }

    private String setting(String key) {
        return settings.find(key).filter(v -> !v.isBlank()).map(String::strip).orElse(null);
    }

    private MailResult audited(String category, MailResult result, String actor, String userId, String to) {
        record(category, result.sent() ? "DONE" : "REJECTED", result.sent() ? null : result.failure().name(), actor, userId, result.message());
        if (!result.sent()) {
            LOG.info(category + " to " + to + " not sent: " + result.message());
        }
        return result;
    }

    private void record(String category, String outcome, String reason, String actor, String userId, String detail) {
        audit.record(new AuditRecord(Instant.now(), category, outcome, reason, actor == null ? "system" : actor, userId, null, "admin",
                null, null, detail));
    }

    private static byte[] utf8(char[] chars) {
        java.nio.ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return out;
    }
}
