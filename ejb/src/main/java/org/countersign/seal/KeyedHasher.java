package org.countersign.seal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of short codes (day, temporary, SMS, e-mail, enrolment codes): HMAC-SHA256 over the
 * context and the code, under a key derived from each master key with HKDF-SHA256 (RFC 5869,
 * info {@code countersign/code-hash/v1}). Stored as {@code h1:<key id>:<base64>}. Thread-safe.
 */
public final class KeyedHasher {

    private static final byte[] INFO = "countersign/code-hash/v1".getBytes(StandardCharsets.US_ASCII);

    private final MasterKeyFile keys;
    private final Map<String, byte[]> derived = new HashMap<>();

    public KeyedHasher(MasterKeyFile keys) {
        this.keys = keys;
    }

    /**
     * @param context what the code belongs to, such as {@code Token/<id>/code}
     * @param code the code in clear
     * @return the stored form
     */
    public String hash(String context, String code) {
        String id = keys.activeKeyId();
        return "h1:" + id + ":" + Base64.getEncoder().encodeToString(mac(id, context, code));
    }

    /** @return whether {@code code} is the code {@code stored} was made from, compared in constant time */
    public boolean matches(String context, String code, String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split(":");
        if (parts.length != 3 || !parts[0].equals("h1")) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, mac(parts[1], context, code));
    }

    private byte[] mac(String keyId, String context, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derivedKey(keyId), "HmacSHA256"));
            mac.update(context.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private synchronized byte[] derivedKey(String keyId) {
        return derived.computeIfAbsent(keyId, id -> hkdf(new byte[32], keys.key(id).getEncoded(), INFO, 32));
    }

    /** HKDF-SHA256, RFC 5869 section 2: extract then expand to {@code length} bytes. */
    static byte[] hkdf(byte[] salt, byte[] inputKey, byte[] info, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            for (int i = 1, filled = 0; filled < length; i++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) i);
                block = mac.doFinal();
                int n = Math.min(block.length, length - filled);
                System.arraycopy(block, 0, out, filled, n);
                filled += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "KeyedHasher[" + keys + "]";
    }
}
