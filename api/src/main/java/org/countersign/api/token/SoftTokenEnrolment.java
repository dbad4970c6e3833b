package org.countersign.api.token;

import java.util.Objects;

/**
 * What a user needs to add a new soft token to an authenticator app. Holds the seed inside the
 * key URI: show it once, never log or store it. {@link #toString()} hides it.
 *
 * @param token the new token, PENDING until its first code
 * @param keyUri the {@code otpauth://} key URI with issuer and account
 * @param qrPng the key URI as a QR code, PNG bytes
 */
public record SoftTokenEnrolment(TokenView token, String keyUri, byte[] qrPng) {

    public SoftTokenEnrolment {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(keyUri, "keyUri");
        qrPng = qrPng.clone();
    }

    @Override
    public byte[] qrPng() {
        return qrPng.clone();
    }

    @Override
    public String toString() {
        return "SoftTokenEnrolment[token=" + token + ", keyUri=(hidden), qrPng=" + qrPng.length + " bytes]";
    }
}
