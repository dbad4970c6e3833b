package org.countersign.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void isCreatedOwnerOnlyAndReopensWithTheSameKey() throws IOException {
        Path file = dir.resolve("conf/countersign-master.key");
        MasterKeyFile created = MasterKeyFile.openOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        MasterKeyFile reopened = MasterKeyFile.openOrCreate(file);
        assertEquals("k1", reopened.activeKeyId());
        assertArrayEquals(created.activeKey().getEncoded(), reopened.activeKey().getEncoded());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void damagedFileIsRefusedAndLeftByteForByteUntouched() throws IOException {
        Path file = dir.resolve("master.key");
        MasterKeyFile.openOrCreate(file);
        String text = Files.readString(file);
        int at = text.indexOf("key k1 ") + 10;
        String damaged = text.substring(0, at) + (text.charAt(at) == 'A' ? 'B' : 'A') + text.substring(at + 1);
        Files.writeString(file, damaged);
        byte[] before = Files.readAllBytes(file);
        MasterKeyException e = assertThrows(MasterKeyException.class, () -> MasterKeyFile.openOrCreate(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("checksum"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void truncatedOrForeignFileIsRefused() throws IOException {
        Path file = dir.resolve("master.key");
        Files.writeString(file, "hello\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThrows(MasterKeyException.class, () -> MasterKeyFile.openOrCreate(file));
        Files.writeString(file, "");
        assertThrows(MasterKeyException.class, () -> MasterKeyFile.open(file));
        assertEquals(0, Files.size(file), "never overwritten");
    }

    @Test
    void fileReadableByOthersIsRefusedWithTheFix() throws IOException {
        Path file = dir.resolve("master.key");
        MasterKeyFile.openOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        MasterKeyException e = assertThrows(MasterKeyException.class, () -> MasterKeyFile.open(file));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void openRefusesToCreate() {
        Path file = dir.resolve("missing.key");
        MasterKeyException e = assertThrows(MasterKeyException.class, () -> MasterKeyFile.open(file));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(Files.notExists(file));
    }

    @Test
    void keyOfWrongLengthIsRefused() throws Exception {
        Path file = dir.resolve("master.key");
        String body = "countersign-master-key v1\nkey k1 AAAA\nactive k1\n";
        String sum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.US_ASCII)), 0, 32);
        Files.writeString(file, body + "checksum " + sum + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        MasterKeyException e = assertThrows(MasterKeyException.class, () -> MasterKeyFile.open(file));
        assertTrue(e.getMessage().contains("not 32"), e.getMessage());
    }
}
