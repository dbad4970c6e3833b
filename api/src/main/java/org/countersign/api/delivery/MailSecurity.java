package org.countersign.api.delivery;

/** How the connection to the SMTP server is protected. */
public enum MailSecurity {
    /** Plain SMTP (port 25 on a trusted network). */
    NONE,
    /** Plain connection upgraded with STARTTLS, which the server must offer (port 587). */
    STARTTLS,
    /** TLS from the first byte, "SMTPS" (port 465). */
    TLS
}
