/**
 * The token type SPI: each type is one {@code @ApplicationScoped} class implementing
 * {@link org.countersign.token.type.TokenType}, in a subpackage of its own, found by the
 * {@link org.countersign.token.type.TokenTypeRegistry}, which refuses duplicate ids at start-up.
 * A type declares its capabilities as data and verifies a passcode against a token's state,
 * returning a sealed {@link org.countersign.token.type.Verification}: never -1 or null. Types are
 * pure: no JPA, no I/O; the token service persists what they decide.
 */
package org.countersign.token.type;
