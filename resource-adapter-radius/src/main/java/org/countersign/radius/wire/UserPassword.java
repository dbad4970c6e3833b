package org.countersign.radius.wire;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * User-Password hiding (RFC 2865 section 5.2): the password, NUL-padded to a multiple of 16 octets,
 * XORed with a chain of MD5(secret + previous block), starting from the Request Authenticator.
 * Stateless and thread-safe.
 */
public final class UserPassword {

    /** Longest password the attribute can carry. */
    public static final int MAX_LENGTH = 128;

    private UserPassword() {
    }

    /**
     * Reveals a hidden User-Password and strips the trailing NUL padding. Thread-safe.
     *
     * @throws MalformedPacketException {@code user-password length invalid} unless the length is a
     *         multiple of 16 between 16 and 128
     */
    public static byte[] decrypt(byte[] hidden, byte[] requestAuthenticator, byte[] secret)
            throws MalformedPacketException {
        Objects.requireNonNull(hidden, "hidden");
        RadiusPacket.checkAuthenticator(requestAuthenticator, "requestAuthenticator");
        Digests.checkSecret(secret);
        if (hidden.length == 0 || hidden.length % 16 != 0 || hidden.length > MAX_LENGTH) {
            throw new MalformedPacketException("user-password length invalid");
        }
        byte[] clear = xorChain(hidden, requestAuthenticator, secret, false);
        int end = clear.length;
        while (end > 0 && clear[end - 1] == 0) {
            end--;
        }
        byte[] password = Arrays.copyOf(clear, end);
        Arrays.fill(clear, (byte) 0);
        return password;
    }

    /**
     * Hides a password of at most 128 octets; an empty one becomes 16 hidden octets. Thread-safe.
     *
     * @throws IllegalArgumentException if the password is longer than 128 octets
     */
    public static byte[] encrypt(byte[] password, byte[] requestAuthenticator, byte[] secret) {
        Objects.requireNonNull(password, "password");
        RadiusPacket.checkAuthenticator(requestAuthenticator, "requestAuthenticator");
        Digests.checkSecret(secret);
        if (password.length > MAX_LENGTH) {
            throw new IllegalArgumentException("User-Password is at most 128 octets, was " + password.length);
        }
        int padded = Math.max(16, (password.length + 15) / 16 * 16);
        byte[] clear = Arrays.copyOf(password, padded);
        byte[] hidden = xorChain(clear, requestAuthenticator, secret, true);
        Arrays.fill(clear, (byte) 0);
        return hidden;
    }

    /** b(i) = MD5(S + c(i-1)), c(0) = RA; out(i) = in(i) XOR b(i). The chain runs over the hidden blocks. */
    private static byte[] xorChain(byte[] in, byte[] requestAuthenticator, byte[] secret, boolean hiding) {
        byte[] out = new byte[in.length];
        MessageDigest md5 = Digests.md5();
        byte[] previous = requestAuthenticator;
        for (int block = 0; block < in.length; block += 16) {
            md5.update(secret);
            md5.update(previous, block == 0 ? 0 : block - 16, 16);
            byte[] b = md5.digest();
            for (int i = 0; i < 16; i++) {
                out[block + i] = (byte) (in[block + i] ^ b[i]);
            }
            previous = hiding ? out : in;
        }
        return out;
    }
}
