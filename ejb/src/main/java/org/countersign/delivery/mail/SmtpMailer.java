package org.countersign.delivery.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.countersign.api.delivery.MailFailure;
import org.countersign.api.delivery.MailResult;
import org.countersign.api.delivery.MailSecurity;
import org.countersign.api.delivery.MailServerSettings;

/**
 * Builds Jakarta Mail sessions and sends plain-text messages, turning every failure into a {@link MailResult}
 * an administrator can act on. Stateless and thread-safe; each send opens its own connection.
 */
final class SmtpMailer {

    private SmtpMailer() {
    }

    /**
     * A session for one SMTP server. Certificates are checked against the JDK's trust store and the host name.
     *
     * @param password the SMTP password, or {@code null} when {@code settings.username()} is {@code null}
     */
    static Session session(MailServerSettings settings, char[] password, Duration timeout) {
        boolean tls = settings.security() == MailSecurity.TLS;
        String protocol = tls ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", protocol);
        // Transport.send picks the protocol by address type; without this, TLS settings would silently go out as smtp
        props.setProperty("mail.transport.protocol.rfc822", protocol);
        props.setProperty(p + "host", settings.host());
        props.setProperty(p + "port", Integer.toString(settings.port()));
        props.setProperty(p + "connectiontimeout", Long.toString(timeout.toMillis()));
        props.setProperty(p + "timeout", Long.toString(timeout.toMillis()));
        props.setProperty(p + "writetimeout", Long.toString(timeout.toMillis()));
        try {
            // the envelope sender (MAIL FROM) takes the bare address, without a display name
            props.setProperty(p + "from", address(settings.from()).getAddress());
        } catch (AddressException e) {
            // refused when a message is sent
        }
        if (tls) {
            props.setProperty(p + "ssl.enable", "true");
        }
        if (settings.security() != MailSecurity.NONE) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        if (settings.security() == MailSecurity.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        Authenticator authenticator = null;
        if (settings.username() != null) {
            props.setProperty(p + "auth", "true");
            props.setProperty(p + "user", settings.username());
            String secret = password == null ? "" : new String(password);
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.username(), secret);
                }
            };
        }
        return Session.getInstance(props, authenticator);
    }

    /** @return where a session sends to, for messages: {@code host:port} */
    static String where(Session session) {
        String protocol = session.getProperty("mail.transport.protocol");
        String p = "mail." + (protocol == null ? "smtp" : protocol) + ".";
        String host = session.getProperty(p + "host");
        String port = session.getProperty(p + "port");
        return (host == null ? "localhost" : host) + ":" + (port == null ? (p.contains("smtps") ? "465" : "25") : port);
    }

    /**
     * Sends one plain-text UTF-8 message and waits for the server's answer.
     *
     * @return sent, or the classified failure; never throws for a delivery problem
     */
    static MailResult send(Session session, String from, String to, String subject, String body) {
        String where = where(session);
        InternetAddress recipient;
        InternetAddress sender;
        try {
            recipient = address(to);
        } catch (AddressException e) {
            return MailResult.failed(MailFailure.INVALID_ADDRESS, "'" + to + "' is not an e-mail address");
        }
        try {
            sender = address(from);
        } catch (AddressException e) {
            return MailResult.failed(MailFailure.NOT_CONFIGURED, "the sender address '" + from + "' is not an e-mail address");
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(sender);
            message.setRecipient(Message.RecipientType.TO, recipient);
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            Transport.send(message);
            return MailResult.sent("sent to " + recipient.getAddress() + " through " + where);
        } catch (MessagingException e) {
            return classify(e, where);
        }
    }

    /** @return the address, parsed strictly (one mailbox, with a domain) */
    static InternetAddress address(String text) throws AddressException {
        if (text == null || text.isBlank()) {
            throw new AddressException("empty address");
        }
        InternetAddress address = new InternetAddress(text.strip(), true);
        address.validate();
        if (address.isGroup() || !address.getAddress().contains("@")) {
            throw new AddressException("not a single mailbox", text);
        }
        return address;
    }

    /** Names the failure from the exception chain; the text holds the server's host and port and its answer, never a secret. */
    static MailResult classify(MessagingException e, String where) {
        if (e instanceof AuthenticationFailedException) {
            return MailResult.failed(MailFailure.AUTH_FAILED, "the mail server " + where + " refused the user name and password");
        }
        if (e instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null && sfe.getInvalidAddresses().length > 0) {
            return MailResult.failed(MailFailure.ADDRESS_REFUSED, "the mail server " + where + " refused the address "
                    + sfe.getInvalidAddresses()[0] + answer(sfe));
        }
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof ConnectException) {
                return MailResult.failed(MailFailure.CONNECTION_REFUSED, "connection to the mail server " + where + " refused");
            }
            if (t instanceof UnknownHostException) {
                return MailResult.failed(MailFailure.UNKNOWN_HOST, "the mail server's host name in " + where + " is not known");
            }
            if (t instanceof SocketTimeoutException) {
                return MailResult.failed(MailFailure.TIMEOUT, "the mail server " + where + " did not answer in time");
            }
            if (t instanceof SSLException) {
                return MailResult.failed(MailFailure.TLS_FAILED, "TLS with the mail server " + where + " failed: " + t.getMessage());
            }
            if (t instanceof AuthenticationFailedException) {
                return MailResult.failed(MailFailure.AUTH_FAILED, "the mail server " + where + " refused the user name and password");
            }
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("STARTTLS")) {
            return MailResult.failed(MailFailure.TLS_FAILED, "the mail server " + where + " does not offer STARTTLS");
        }
        if (text.contains("authentication") || text.contains("AUTH")) {
            return MailResult.failed(MailFailure.AUTH_FAILED, "the mail server " + where + " did not accept the login: " + text.strip());
        }
        return MailResult.failed(MailFailure.SERVER_ERROR, "the mail server " + where + " refused the message: " + text.strip());
    }

    private static String answer(SendFailedException e) {
        Exception next = e.getNextException();
        String text = next == null ? null : next.getMessage();
        return text == null || text.isBlank() ? "" : " (" + text.strip() + ")";
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t) {
            return me.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
