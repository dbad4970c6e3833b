package org.countersign.radius.wire;

import static org.countersign.radius.wire.TestBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 2865 section 5.2 hiding at the block boundaries. */
class UserPasswordTest {

    private static final byte[] SECRET = ascii("s3cret");
    private static final byte[] AUTHENTICATOR = new byte[16];

    static {
        new Random(2865).nextBytes(AUTHENTICATOR);
    }

    private static byte[] password(int length) {
        byte[] password = new byte[length];
        for (int i = 0; i < length; i++) {
            password[i] = (byte) ('a' + i % 26);
        }
        return password;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 31, 32, 33, 127, 128})
    void roundTripsPasswordOfLength(int length) throws MalformedPacketException {
        byte[] hidden = UserPassword.encrypt(password(length), AUTHENTICATOR, SECRET);

        assertEquals(Math.max(16, (length + 15) / 16 * 16), hidden.length);
        assertArrayEquals(password(length), UserPassword.decrypt(hidden, AUTHENTICATOR, SECRET));
    }

    @ParameterizedTest
    @ValueSource(ints = {129, 144, 253})
    void refusesToHidePasswordLongerThan128(int length) {
        assertThrows(IllegalArgumentException.class, () -> UserPassword.encrypt(password(length), AUTHENTICATOR, SECRET));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 17, 129, 144, 240})
    void rejectsHiddenValueOfBadLength(int length) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> UserPassword.decrypt(new byte[length], AUTHENTICATOR, SECRET));
        assertEquals("user-password length invalid", e.reason());
    }

    @Test
    void secondBlockIsChainedOnTheFirstHiddenBlock() throws MalformedPacketException {
        byte[] hidden = UserPassword.encrypt(password(32), AUTHENTICATOR, SECRET);
        byte[] tampered = hidden.clone();
        tampered[0] ^= 1;

        byte[] revealed = UserPassword.decrypt(tampered, AUTHENTICATOR, SECRET);

        assertEquals('a' ^ 1, revealed[0]);
        assertArrayEquals(Arrays.copyOfRange(password(32), 1, 16), Arrays.copyOfRange(revealed, 1, 16));
        assertEquals(32, revealed.length);
        assertEquals(false, Arrays.equals(Arrays.copyOfRange(password(32), 16, 32), Arrays.copyOfRange(revealed, 16, 32)));
    }

    @Test
    void wrongSecretRevealsSomethingElse() throws MalformedPacketException {
        byte[] hidden = UserPassword.encrypt(ascii("hello"), AUTHENTICATOR, SECRET);

        assertEquals(false, Arrays.equals(ascii("hello"), UserPassword.decrypt(hidden, AUTHENTICATOR, ascii("other"))));
    }
}
