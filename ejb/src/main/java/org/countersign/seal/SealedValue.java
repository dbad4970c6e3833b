package org.countersign.seal;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sealed secret as stored in a column: {@code v1:<key id>:<base64 IV>:<base64 ciphertext and tag>}.
 *
 * @param keyId the master key it is sealed under
 * @param iv the 96-bit GCM nonce
 * @param ciphertext ciphertext followed by the 128-bit tag
 */
public record SealedValue(String keyId, byte[] iv, byte[] ciphertext) {

    private static final Pattern FORM = Pattern.compile("v1:k[0-9]{1,6}:[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]{24,}");

    public SealedValue {
        Objects.requireNonNull(keyId, "keyId");
        iv = iv.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** @return the column form */
    public String encode() {
        Base64.Encoder b64 = Base64.getEncoder();
        return "v1:" + keyId + ":" + b64.encodeToString(iv) + ":" + b64.encodeToString(ciphertext);
    }

    /**
     * Parses the column form.
     *
     * @throws SealException if it is not a sealed value of a known version
     */
    public static SealedValue decode(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new SealException("not a sealed value (expected v1:<key id>:<iv>:<ciphertext>)");
        }
        String[] parts = text.split(":");
        try {
            return new SealedValue(parts[1], Base64.getDecoder().decode(parts[2]), Base64.getDecoder().decode(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new SealException("sealed value is not valid base64", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedValue other && encode().equals(other.encode());
    }

    @Override
    public int hashCode() {
        return encode().hashCode();
    }

    @Override
    public String toString() {
        return "SealedValue[key=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}
