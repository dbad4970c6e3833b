package org.countersign.api.delivery;

import java.util.Objects;

/**
 * The SMTP server Countersign sends through, as an administrator enters it. The password is not part of
 * this value: it is passed separately and stored sealed.
 *
 * @param host host name or address
 * @param port TCP port, 1 to 65535
 * @param security plain, STARTTLS or TLS
 * @param username the login for SMTP AUTH, or {@code null} when the server takes mail without it
 * @param from the sender address of every message
 */
public record MailServerSettings(String host, int port, MailSecurity security, String username, String from) {

    public MailServerSettings {
        Objects.requireNonNull(security, "security");
        username = username == null || username.isBlank() ? null : username.strip();
    }
}
