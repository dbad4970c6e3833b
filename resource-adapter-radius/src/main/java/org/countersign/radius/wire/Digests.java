package org.countersign.radius.wire;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MD5 and HMAC-MD5 without a JCA provider look-up per call (it cost more than the digest of a packet): {@link #md5()}
 * returns a fresh copy of a prototype that is never used itself, and HMAC-MD5 uses one Mac per thread, only inside
 * {@link #hmacMd5}, from init to doFinal. Thread-safe.
 */
final class Digests {

    private static final MessageDigest MD5 = newMd5();
    private static final ThreadLocal<Mac> HMAC_MD5 = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacMD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide HmacMD5", e);
        }
    });

    private Digests() {
    }

    /** @return an MD5 digest of the caller's own */
    static MessageDigest md5() {
        try {
            return (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            return newMd5();
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide MD5", e);
        }
    }

    static byte[] hmacMd5(byte[] secret, byte[] data, int offset, int length) {
        try {
            Mac mac = HMAC_MD5.get();
            mac.init(new SecretKeySpec(secret, "HmacMD5")); // also resets whatever an earlier call left
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
