package org.countersign.directory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(10_000);

    @Test
    void matchesOnlyTheRightPassword() {
        String stored = hasher.hash("correct horse".toCharArray());
        assertTrue(stored.startsWith("pbkdf2-sha256$10000$"));
        assertFalse(stored.contains("correct horse"));
        assertTrue(hasher.matches("correct horse".toCharArray(), stored));
        assertFalse(hasher.matches("correct hors".toCharArray(), stored));
        assertFalse(hasher.matches(new char[0], stored));
        assertNotEquals(stored, hasher.hash("correct horse".toCharArray()), "fresh salt each time");
    }

    @Test
    void derivationIsStandardPbkdf2() throws Exception {
        String stored = hasher.hash("password123".toCharArray());
        String[] parts = stored.split("\\$");
        KeySpec spec = new PBEKeySpec("password123".toCharArray(), Base64.getDecoder().decode(parts[2]), 10_000, 256);
        byte[] reference = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        assertEquals(HexFormat.of().formatHex(reference), HexFormat.of().formatHex(Base64.getDecoder().decode(parts[3])));
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        for (String bad : new String[] {null, "", "plain", "pbkdf2-sha256$1$AA==$AA==", "md5$10000$AA==$AA==", "pbkdf2-sha256$x$AA==$AA=="}) {
            assertFalse(hasher.matches("whatever1".toCharArray(), bad), String.valueOf(bad));
        }
    }

    @Test
    void refusesShortAndBlankPasswords() {
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("short".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("          ".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(1000));
    }

    @Test
    void knowsWhenAHashIsBelowTheCurrentCost() {
        assertTrue(new PasswordHasher().needsRehash(hasher.hash("password123".toCharArray())));
        assertFalse(hasher.needsRehash(hasher.hash("password123".toCharArray())));
    }
}
