package org.countersign.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyedHasherTest {

    @TempDir
    Path dir;

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        HexFormat hex = HexFormat.of();
        byte[] okm = KeyedHasher.hkdf(hex.parseHex("000102030405060708090a0b0c"),
                hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865", hex.formatHex(okm));
    }

    @Test
    void codeMatchesOnlyItsOwnHashInItsOwnContext() {
        KeyedHasher hasher = new KeyedHasher(MasterKeyFile.openOrCreate(dir.resolve("master.key")));
        String stored = hasher.hash("Token/1/code", "123456");
        assertFalse(stored.contains("123456"));
        assertTrue(hasher.matches("Token/1/code", "123456", stored));
        assertFalse(hasher.matches("Token/1/code", "123457", stored));
        assertFalse(hasher.matches("Token/2/code", "123456", stored), "bound to its context");
        assertFalse(hasher.matches("Token/1/code", "123456", null));
        assertFalse(hasher.matches("Token/1/code", "123456", "garbage"));
        assertNotEquals(stored, new KeyedHasher(MasterKeyFile.openOrCreate(dir.resolve("other.key"))).hash("Token/1/code", "123456"));
    }
}
