package org.countersign.api.user;

/**
 * A token type the helpdesk may choose for a user, as the type describes itself.
 *
 * @param id the type id, such as {@code totp}
 * @param nameKey message key of its display name
 * @param descriptionKey message key of its one-line description
 * @param seeded a soft token the user scans as a QR code when enrolling
 * @param outOfBand its codes are sent to the user's phone or mailbox when asked for
 */
public record TokenTypeChoice(String id, String nameKey, String descriptionKey, boolean seeded, boolean outOfBand) {
}
