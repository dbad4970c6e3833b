package org.countersign.api.token;

/**
 * How a new soft token computes its codes (RFC 4226 / RFC 6238). Validated by the token type, which
 * refuses anything else with a clear message.
 *
 * @param algorithm SHA1, SHA256 or SHA512
 * @param digits 6 or 8
 * @param periodSeconds 30 or 60 (TOTP only)
 */
public record SoftTokenParameters(String algorithm, int digits, int periodSeconds) {

    /** SHA1, 6 digits, 30 s: what every authenticator app understands. */
    public static SoftTokenParameters defaults() {
        return new SoftTokenParameters("SHA1", 6, 30);
    }
}
