package org.countersign.token.type;

/**
 * What a token type can do, as data, so portals build their choices from the registry.
 *
 * @param seeded holds a shared secret (soft tokens): enrolment shows a QR code
 * @param serverMadeCodes the server makes its codes and stores only their hashes (SMS, e-mail, day, temporary)
 * @param outOfBand codes reach the user through another channel when asked (SMS, e-mail): a challenge triggers sending
 * @param userEnrollable users may pick it themselves in the Manage My Token portal
 * @param nameKey message key of the type's display name
 * @param descriptionKey message key of its one-line description
 */
public record Capabilities(boolean seeded, boolean serverMadeCodes, boolean outOfBand, boolean userEnrollable,
                           String nameKey, String descriptionKey) {
}
