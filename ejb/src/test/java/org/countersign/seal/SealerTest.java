package org.countersign.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealerTest {

    private static final byte[] ROW_42 = "Token/42/seed".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROW_43 = "Token/43/seed".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private Sealer sealer() {
        return new Sealer(MasterKeyFile.openOrCreate(dir.resolve("master.key")));
    }

    @Test
    void sealedValueOpensWithItsOwnRowBinding() {
        Sealer sealer = sealer();
        SealedValue sealed = sealer.seal(SECRET, ROW_42);
        assertArrayEquals(SECRET, sealer.unseal(SealedValue.decode(sealed.encode()), ROW_42));
    }

    @Test
    void sameSecretSealsDifferentlyEachTime() {
        Sealer sealer = sealer();
        assertNotEquals(sealer.seal(SECRET, ROW_42).encode(), sealer.seal(SECRET, ROW_42).encode());
    }

    @Test
    void everyFlippedBitFailsClosed() {
        Sealer sealer = sealer();
        SealedValue sealed = sealer.seal("short".getBytes(StandardCharsets.US_ASCII), ROW_42);
        byte[] iv = sealed.iv();
        byte[] ct = sealed.ciphertext();
        for (int bit = 0; bit < iv.length * 8; bit++) {
            byte[] flipped = iv.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            SealedValue damaged = new SealedValue(sealed.keyId(), flipped, ct);
            assertThrows(SealException.class, () -> sealer.unseal(damaged, ROW_42), "IV bit " + bit);
        }
        for (int bit = 0; bit < ct.length * 8; bit++) {
            byte[] flipped = ct.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            SealedValue damaged = new SealedValue(sealed.keyId(), iv, flipped);
            assertThrows(SealException.class, () -> sealer.unseal(damaged, ROW_42), "ciphertext/tag bit " + bit);
        }
    }

    @Test
    void ciphertextCopiedToAnotherRowFailsClosed() {
        Sealer sealer = sealer();
        SealedValue sealed = sealer.seal(SECRET, ROW_42);
        SealException e = assertThrows(SealException.class, () -> sealer.unseal(sealed, ROW_43));
        assertTrue(e.getMessage().contains("copied from another row"), e.getMessage());
    }

    @Test
    void unknownKeyIdIsNamed() {
        Sealer sealer = sealer();
        SealedValue sealed = sealer.seal(SECRET, ROW_42);
        SealedValue other = new SealedValue("k9", sealed.iv(), sealed.ciphertext());
        SealException e = assertThrows(SealException.class, () -> sealer.unseal(other, ROW_42));
        assertTrue(e.getMessage().contains("k9"), e.getMessage());
    }

    @Test
    void valueFromAnotherInstallationsKeyFailsClosed() {
        SealedValue sealed = sealer().seal(SECRET, ROW_42);
        Sealer other = new Sealer(MasterKeyFile.openOrCreate(dir.resolve("other.key")));
        assertThrows(SealException.class, () -> other.unseal(sealed, ROW_42));
    }

    @Test
    void malformedColumnTextIsRefused() {
        for (String bad : new String[] {"", "plain", "v2:k1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAA", "v1:k1:***:***", "v1:x:a:b"}) {
            assertThrows(SealException.class, () -> SealedValue.decode(bad), bad);
        }
        assertThrows(SealException.class, () -> SealedValue.decode(null));
    }

    @Test
    void rotationKeepsOldValuesOpenAndSealsNewOnesUnderTheNewKey() {
        Path file = dir.resolve("master.key");
        MasterKeyFile first = MasterKeyFile.openOrCreate(file);
        SealedValue old = new Sealer(first).seal(SECRET, ROW_42);
        MasterKeyFile rotated = first.rotate();
        Sealer sealer = new Sealer(rotated);
        assertEquals("k2", rotated.activeKeyId());
        assertArrayEquals(SECRET, sealer.unseal(old, ROW_42));
        SealedValue fresh = sealer.seal(SECRET, ROW_42);
        assertEquals("k2", fresh.keyId());
        assertArrayEquals(SECRET, new Sealer(MasterKeyFile.open(file)).unseal(fresh, ROW_42));
    }

    @Test
    void theCipherReusedForOpeningCarriesNothingFromOneValueToTheNext() {
        Path file = dir.resolve("reuse.key");
        MasterKeyFile first = MasterKeyFile.openOrCreate(file);
        SealedValue underOld = new Sealer(first).seal(SECRET, ROW_42);
        Sealer sealer = new Sealer(first.rotate());
        SealedValue underNew = sealer.seal("another secret".getBytes(StandardCharsets.US_ASCII), ROW_43);
        byte[] flipped = underNew.ciphertext().clone();
        flipped[0] ^= 1;
        SealedValue damaged = new SealedValue(underNew.keyId(), underNew.iv(), flipped);
        for (int i = 0; i < 3; i++) {
            // one thread: the same cipher, keys alternating, a failed integrity check in between
            assertArrayEquals(SECRET, sealer.unseal(underOld, ROW_42));
            assertThrows(SealException.class, () -> sealer.unseal(damaged, ROW_43));
            assertArrayEquals("another secret".getBytes(StandardCharsets.US_ASCII), sealer.unseal(underNew, ROW_43));
            assertThrows(SealException.class, () -> sealer.unseal(underOld, ROW_43));
        }
    }

    @Test
    void threadsOpeningAtOnceEachGetTheirOwnValue() throws Exception {
        Sealer sealer = sealer();
        List<byte[]> secrets = new ArrayList<>();
        List<SealedValue> sealed = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            byte[] secret = ("secret number " + i).getBytes(StandardCharsets.US_ASCII);
            secrets.add(secret);
            sealed.add(sealer.seal(secret, ("Token/" + i + "/seed").getBytes(StandardCharsets.US_ASCII)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        int i = (round * 7 + offset) % 64;
                        byte[] opened = sealer.unseal(sealed.get(i), ("Token/" + i + "/seed").getBytes(StandardCharsets.US_ASCII));
                        if (!Arrays.equals(secrets.get(i), opened)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noKeyMaterialInAnyToString() {
        MasterKeyFile keys = MasterKeyFile.openOrCreate(dir.resolve("master.key"));
        String key = Base64.getEncoder().encodeToString(keys.activeKey().getEncoded());
        Sealer sealer = new Sealer(keys);
        SealedValue sealed = sealer.seal(SECRET, ROW_42);
        for (Object o : new Object[] {keys, sealer, sealed, new KeyedHasher(keys)}) {
            assertFalse(o.toString().contains(key), o.getClass().getSimpleName());
            assertFalse(o.toString().contains(Base64.getEncoder().encodeToString(sealed.ciphertext())), o.getClass().getSimpleName());
        }
    }
}
