/**
 * Outgoing messages to people: e-mail through the configured SMTP server (test messages, enrolment
 * invitations). Results say in an administrator's words why a message could not be sent; no result,
 * log line or audit record ever holds a password or a one-time code.
 */
package org.countersign.api.delivery;
