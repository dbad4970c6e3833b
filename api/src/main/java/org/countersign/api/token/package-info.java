/**
 * Tokens as the rest of the server sees them: the {@link org.countersign.api.token.TokenService}
 * contract and its records. A token belongs to one user (a directory-qualified id) and has one
 * type (soft token TOTP or HOTP, SMS or e-mail passcode, day code, temporary code). Nothing here
 * carries a seed or a passcode in a form that could be logged: records that hold one say so and
 * hide it from {@code toString()}.
 */
package org.countersign.api.token;
