/**
 * Enrolment codes: the one-time code a user types with their directory password in the Manage My
 * Token portal to enrol a token. A code is random, kept only as a keyed hash, expires, and is
 * replaced when the helpdesk sends a new one. The message that carries it is handed to an
 * {@link org.countersign.enrolment.EnrolmentMessageSender} (e-mail, in {@code delivery.mail}); this
 * package never sends anything itself and never logs a code.
 */
package org.countersign.enrolment;
