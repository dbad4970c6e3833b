package org.countersign.radius.wire;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** MD5 and HMAC-MD5 on fresh JDK instances per call, so callers stay thread-safe. */
final class Digests {

    private Digests() {
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide MD5", e);
        }
    }

    static byte[] hmacMd5(byte[] secret, byte[] data, int offset, int length) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret, "HmacMD5"));
            mac.update(data, offset, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide HmacMD5", e);
        }
    }

    static byte[] checkSecret(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0) {
            throw new IllegalArgumentException("shared secret must not be empty");
        }
        return secret;
    }
}
