package org.countersign.api.delivery;

/** Why a message was not sent. */
public enum MailFailure {
    /** No mail server is configured, or a setting is refused. */
    NOT_CONFIGURED,
    /** The recipient or sender address is not an e-mail address. */
    INVALID_ADDRESS,
    /** Nothing listens on the server's host and port. */
    CONNECTION_REFUSED,
    /** The server's host name does not resolve. */
    UNKNOWN_HOST,
    /** The server did not answer in time. */
    TIMEOUT,
    /** The TLS handshake failed or the server does not offer STARTTLS. */
    TLS_FAILED,
    /** The server refused the user name and password. */
    AUTH_FAILED,
    /** The server refused the sender or the recipient address. */
    ADDRESS_REFUSED,
    /** Any other refusal by the server. */
    SERVER_ERROR
}
