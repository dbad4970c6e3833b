package org.countersign.api.directory;

/**
 * The result of testing one directory server.
 *
 * @param server {@code host:port}
 * @param outcome OK, UNREACHABLE, TLS_FAILURE, BAD_SERVICE_CREDENTIALS, BASE_DN_NOT_FOUND or FILTER_MATCHES_NOTHING
 * @param detail what the server said, for the administrator (never a password)
 */
public record ServerTestView(String server, String outcome, String detail) {
}
